// English events on short texts of our own: arrests, detentions, transfers, releases,
// leaving the army, woundings, shellings and operations, with who took part and where;
// and the wordings that state no event (threats, warrants, negations, plans).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/testing/test_places.h"

namespace sijill::extract {
namespace {

using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;

using testing::TestPlaces;

class Events {
 public:
  explicit Events(std::string text, std::optional<std::string> witness = "Abu Salim")
      : text_(std::move(text)) {
    Document doc = PrepareDocument(text_, Language::kEnglish, time::EdtfDate{2024, 1, 1},
                                   std::move(witness), &TestPlaces());
    x_ = Extract(doc);
  }

  // The entity of `type` with this canonical name.
  std::optional<size_t> Named(EntityType type, std::string_view canonical) const {
    for (size_t i = 0; i < x_.entities.size(); ++i)
      if (x_.entities[i].type == type && x_.entities[i].canonical == canonical) return i;
    return std::nullopt;
  }
  std::optional<size_t> Event(std::string_view canonical) const {
    return Named(EntityType::kEvent, canonical);
  }
  std::vector<std::string> Mentions(size_t e) const {
    std::vector<std::string> out;
    for (Span s : x_.entities[e].spans) out.push_back(text_.substr(s.begin, s.end - s.begin));
    return out;
  }
  bool Mentioned(size_t e, std::string_view words) const {
    std::vector<std::string> m = Mentions(e);
    return std::find(m.begin(), m.end(), words) != m.end();
  }
  std::vector<FoundClaim> Claims(std::optional<size_t> subject, Predicate p,
                                 std::optional<size_t> object) const {
    std::vector<FoundClaim> out;
    if (!subject || !object) return out;
    for (const FoundClaim& c : x_.claims)
      if (c.subject == *subject && c.predicate == p && c.object == *object) out.push_back(c);
    return out;
  }
  size_t EventCount() const {
    return std::count_if(x_.entities.begin(), x_.entities.end(),
                         [](const FoundEntity& e) { return e.type == EntityType::kEvent; });
  }
  std::optional<size_t> Person(std::string_view canonical) const {
    return Named(EntityType::kPerson, canonical);
  }
  std::optional<size_t> Place(std::string_view canonical) const {
    return Named(EntityType::kPlace, canonical);
  }
  std::optional<size_t> Unit(std::string_view canonical) const {
    return Named(EntityType::kUnit, canonical);
  }

 private:
  std::string text_;
  Extraction x_;
};

TEST(EnglishEvents, AnArrestToldTwiceIsOneEventWithItsPlace) {
  Events x(
      "I am Abu Salim. In the spring of 2014 my brother Fadi was arrested at the checkpoint at "
      "the entrance of Westmere.\n\nYears later a prisoner said he had been taken at the "
      "Westmere checkpoint.");
  auto arrest = x.Event("arrest of Fadi at the Westmere checkpoint");
  ASSERT_TRUE(arrest);
  EXPECT_TRUE(
      x.Mentioned(*arrest, "Fadi was arrested at the checkpoint at the entrance of Westmere"));
  EXPECT_EQ(x.EventCount(), 1u);
  auto detainee = x.Claims(x.Person("Fadi"), Predicate::kParticipatedIn, arrest);
  ASSERT_EQ(detainee.size(), 1u);
  EXPECT_EQ(detainee[0].role, "detainee");
  EXPECT_EQ(detainee[0].time, "2014-21");
  EXPECT_EQ(x.Claims(arrest, Predicate::kOccurredAt, x.Place("Westmere")).size(), 1u);
}

TEST(EnglishEvents, PronounsAreThePersonLastNamedInTheParagraph) {
  Events x(
      "I am Abu Salim. In the prison I shared a cell with a farmer called Ziad. He told me he "
      "had been taken at the Karn checkpoint in 2012.");
  auto arrest = x.Event("arrest of Ziad at the Karn checkpoint");
  ASSERT_TRUE(arrest);
  EXPECT_TRUE(x.Mentioned(*arrest, "he had been taken at the Karn checkpoint"));
  auto c = x.Claims(x.Person("Ziad"), Predicate::kParticipatedIn, arrest);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].evidence, Evidence::kHearsay);
}

TEST(EnglishEvents, TheWitnessArrestedMovedHeldAndReleased) {
  Events x(
      "I am Abu Salim. I was arrested on 4 May 2012 near my shop. After a week they moved us "
      "in a bus to Branch 301. In Branch 301 I met men from every town. I was released in "
      "March 2013.");
  auto witness = x.Person("Abu Salim");
  auto arrest = x.Event("arrest of Abu Salim");
  ASSERT_TRUE(arrest);
  EXPECT_TRUE(x.Mentioned(*arrest, "I was arrested"));
  auto held = x.Event("detention of Abu Salim in Branch 301");
  ASSERT_TRUE(held);
  EXPECT_TRUE(x.Mentioned(*held, "they moved us in a bus to Branch 301"));
  auto unit = x.Claims(x.Unit("Branch 301"), Predicate::kParticipatedIn, held);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].role, "detaining unit");
  auto release = x.Event("release of Abu Salim");
  ASSERT_TRUE(release);
  auto released = x.Claims(witness, Predicate::kParticipatedIn, release);
  ASSERT_EQ(released.size(), 1u);
  EXPECT_EQ(released[0].role, "released detainee");
  EXPECT_EQ(released[0].time, "2013-03");
}

TEST(EnglishEvents, ArrestingUnitAfterByAndActiveDetention) {
  Events x(
      "I am Abu Salim. In 2013 my brother Fadi was arrested by Air Force Intelligence. Then "
      "they held him in Branch 301 for a year.");
  auto arrest = x.Event("arrest of Fadi");
  ASSERT_TRUE(arrest);
  auto unit = x.Claims(x.Unit("Air Force Intelligence"), Predicate::kParticipatedIn, arrest);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].role, "arresting unit");
  auto held = x.Event("detention of Fadi in Branch 301");
  ASSERT_TRUE(held);
  EXPECT_EQ(x.Claims(x.Person("Fadi"), Predicate::kParticipatedIn, held).size(), 1u);
  Events apposition("I am Abu Salim. My husband, Fadi, was arrested in 2013.");
  EXPECT_TRUE(apposition.Event("arrest of Fadi"));
  Events relative("I am Abu Salim. I think of my brother Fadi, who was wounded in Karn.");
  EXPECT_TRUE(relative.Event("wounding of Fadi"));
  // The subject of an active "held" holds something; he is not held.
  Events post("I am Abu Salim. Colonel Nabil Haddad held a post in Branch 301 in 2012.");
  EXPECT_EQ(post.EventCount(), 0u);
}

TEST(EnglishEvents, LeavingTheArmyIsOneEventPerPerson) {
  Events x(
      "Interviewer: Abu Salim served in the 9th Division until his defection.\n\n"
      "I defected in June 2013, and I never saw my unit again.");
  auto defection = x.Event("defection of Abu Salim");
  ASSERT_TRUE(defection);
  EXPECT_TRUE(x.Mentioned(*defection, "his defection"));
  EXPECT_TRUE(x.Mentioned(*defection, "I defected"));
  EXPECT_EQ(x.EventCount(), 1u);
  auto c = x.Claims(x.Person("Abu Salim"), Predicate::kParticipatedIn, defection);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "defector");
  EXPECT_EQ(c[0].time, "2013-06");  // not the service's "until"

  Events deserter("I am Abu Salim. I deserted in 2015 and walked to Karn.");
  EXPECT_TRUE(deserter.Event("desertion of Abu Salim"));
  Events left("Interviewer: Abu Salim was a conscript. He left the army in 2016.");
  EXPECT_TRUE(left.Event("departure of Abu Salim from the army"));
}

TEST(EnglishEvents, WoundingOfANamedOfficer) {
  Events x("In the winter of 2013, Colonel Nabil Haddad was wounded in Karn.");
  auto wounding = x.Event("wounding of Nabil Haddad");
  ASSERT_TRUE(wounding);
  EXPECT_TRUE(x.Mentioned(*wounding, "Colonel Nabil Haddad was wounded in Karn"));
  auto c = x.Claims(x.Person("Nabil Haddad"), Predicate::kParticipatedIn, wounding);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "wounded");
  EXPECT_EQ(x.Claims(wounding, Predicate::kOccurredAt, x.Place("Karn")).size(), 1u);
}

TEST(EnglishEvents, ShellingWithFiringUnitObserverAndOrder) {
  Events x(
      "I am Abu Salim. I served in the 3rd Artillery Battalion. Our guns were ordered to fire "
      "on the houses near the Ossington market. I saw the shells fall on the street. The "
      "captain told us later that the order came from Colonel Nabil Haddad.");
  auto shelling = x.Event("shelling of Ossington market");
  ASSERT_TRUE(shelling);
  EXPECT_TRUE(x.Mentioned(*shelling, "fire on the houses near the Ossington market"));
  EXPECT_EQ(x.Claims(shelling, Predicate::kOccurredAt, x.Place("Ossington")).size(), 1u);
  auto firing = x.Claims(x.Unit("3rd Artillery Battalion"), Predicate::kParticipatedIn, shelling);
  ASSERT_EQ(firing.size(), 1u);
  EXPECT_EQ(firing[0].role, "firing unit");
  auto observer = x.Claims(x.Person("Abu Salim"), Predicate::kParticipatedIn, shelling);
  ASSERT_EQ(observer.size(), 1u);
  EXPECT_EQ(observer[0].role, "observer");
  auto order = x.Claims(x.Person("Nabil Haddad"), Predicate::kParticipatedIn, shelling);
  ASSERT_EQ(order.size(), 1u);
  EXPECT_EQ(order[0].role, "issued order");
  EXPECT_EQ(order[0].evidence, Evidence::kHearsay);
}

TEST(EnglishEvents, ShellsSeenFallingOnAPlace) {
  Events x("I am Abu Salim. In August 2012 I saw the shells fall on Tallbrook from my roof.");
  auto shelling = x.Event("shelling of Tallbrook");
  ASSERT_TRUE(shelling);
  EXPECT_TRUE(x.Mentioned(*shelling, "the shells fall on Tallbrook"));
  auto observer = x.Claims(x.Person("Abu Salim"), Predicate::kParticipatedIn, shelling);
  ASSERT_EQ(observer.size(), 1u);
  EXPECT_EQ(observer[0].role, "observer");
  EXPECT_EQ(observer[0].time, "2012-08");
}

TEST(EnglishEvents, TransferDrivenByTheWitness) {
  Events x(
      "I am Abu Salim. I was a driver in the 5th Transport Company. In 2014 we drove thirty "
      "prisoners from Branch 301 to Karn.");
  auto transfer = x.Event("transfer of thirty prisoners from Branch 301 to Karn");
  ASSERT_TRUE(transfer);
  EXPECT_TRUE(x.Mentioned(*transfer, "we drove thirty prisoners from Branch 301 to Karn"));
  auto driver = x.Claims(x.Person("Abu Salim"), Predicate::kParticipatedIn, transfer);
  ASSERT_EQ(driver.size(), 1u);
  EXPECT_EQ(driver[0].role, "driver");
  EXPECT_EQ(driver[0].time, "2014");
  EXPECT_EQ(x.Claims(transfer, Predicate::kOccurredAt, x.Place("Karn")).size(), 1u);
}

TEST(EnglishEvents, NamedOperationAtAPlace) {
  Events x("I am Abu Salim. For us the Tallbrook operation lasted two weeks.");
  auto operation = x.Event("Tallbrook operation");
  ASSERT_TRUE(operation);
  EXPECT_TRUE(x.Mentioned(*operation, "the Tallbrook operation"));
  EXPECT_EQ(x.Claims(operation, Predicate::kOccurredAt, x.Place("Tallbrook")).size(), 1u);
}

TEST(EnglishEvents, WordingsThatStateNoEvent) {
  for (const char* text : {
           "I am Abu Salim. They threatened to arrest me at the Karn checkpoint.",
           "I am Abu Salim. The arrest warrant carried my name.",
           "I am Abu Salim. I was not arrested in Karn, thank God.",
           "I am Abu Salim. I was afraid I would be arrested at the Karn checkpoint.",
           "I am Abu Salim. Soldiers arrested three suspected smugglers in Karn.",
           "I am Abu Salim. The brigade was going to shell Tallbrook the next day.",
           "I am Abu Salim. In 2014 I left the house early and walked to Karn.",
           "I am Abu Salim. I left in 2014 with my family.",  // not a soldier: no departure
           "I am Abu Salim. I served with Colonel Nabil Haddad in Branch 301.",
       }) {
    Events x(text);
    EXPECT_EQ(x.EventCount(), 0u) << text;
  }
  // News text has no witness: a bare pronoun is no one.
  Events news("The police said he was arrested in Karn on Monday.", std::nullopt);
  EXPECT_EQ(news.EventCount(), 0u);
}

}  // namespace
}  // namespace sijill::extract
