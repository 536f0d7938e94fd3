// The English recognizers and claim patterns on small texts of our own, traps included.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "extract/testing/test_places.h"

namespace sijill::extract {
namespace {

using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;

using testing::TestPlaces;

struct Result {
  std::string text;
  Extraction x;

  std::optional<size_t> Entity(EntityType type, std::string_view canonical) const {
    for (size_t i = 0; i < x.entities.size(); ++i)
      if (x.entities[i].type == type && x.entities[i].canonical == canonical) return i;
    return std::nullopt;
  }
  std::vector<std::string> Mentions(size_t e) const {
    std::vector<std::string> out;
    for (Span s : x.entities[e].spans) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
  }
  size_t Count(EntityType type) const {
    return std::count_if(x.entities.begin(), x.entities.end(),
                         [&](const FoundEntity& e) { return e.type == type; });
  }
  // The claims subject -predicate-> object by canonical names.
  std::vector<const FoundClaim*> Claims(std::string_view subject, Predicate p,
                                        std::string_view object) const {
    std::vector<const FoundClaim*> out;
    for (const FoundClaim& c : x.claims) {
      if (c.predicate != p || !c.object) continue;
      if (x.entities[c.subject].canonical == subject && x.entities[*c.object].canonical == object)
        out.push_back(&c);
    }
    return out;
  }
};

Result ExtractText(std::string text, std::optional<std::string> witness = std::nullopt) {
  Result r;
  r.text = std::move(text);
  Document doc = PrepareDocument(r.text, Language::kEnglish, time::EdtfDate{2024, 1, 1},
                                 std::move(witness), &TestPlaces());
  r.x = Extract(doc);
  return r;
}

bool Has(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(EnglishUnits, NumbersInEveryWrittenFormAreOneUnit) {
  Result r = ExtractText(
      "He served in the 9th Mechanized Division. Later the Ninth Division moved north. "
      "Division 9 kept its name. The prisoners went to Branch 301, and Brigade 88 stayed.");
  auto div = r.Entity(EntityType::kUnit, "9th Mechanized Division");
  ASSERT_TRUE(div.has_value());
  auto m = r.Mentions(*div);
  EXPECT_TRUE(Has(m, "9th Mechanized Division"));
  EXPECT_TRUE(Has(m, "Ninth Division"));
  EXPECT_TRUE(Has(m, "Division 9"));
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Branch 301").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "88th Brigade").has_value());
}

TEST(EnglishUnits, FormationsOfANumberedUnitSaintsAndCorps) {
  Result r = ExtractText(
      "The 12 Division Garrison took over the depot, and the 6 Brigade Provost Company "
      "guarded it. A constable of St. Brendan Police Division saw the Kestrel Army Signals "
      "arrive. The 12 Division itself stayed away.");
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "12 Division Garrison").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "6 Brigade Provost Company").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "St. Brendan Police Division").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Kestrel Army Signals").has_value());
  // The division is a unit of its own, apart from its garrison.
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "12th Division").has_value());
  // "Signals" and "Garrison" in running text, lower case, name nothing.
  Result plain = ExtractText("The signals were weak near the garrison walls.");
  EXPECT_EQ(plain.Count(EntityType::kUnit), 0u);
}

TEST(EnglishUnits, NicknamesNamedOrganizationsAndNewsNames) {
  Result r = ExtractText(
      "The 31st \u201cFalcons\u201d Brigade met the Free Army near the river. Officers of "
      "Political Security and the Okapi Valley Division were there, with the Coastal Task "
      "Force.");
  auto b = r.Entity(EntityType::kUnit, "31st Brigade");
  ASSERT_TRUE(b.has_value());
  EXPECT_TRUE(Has(r.Mentions(*b), "31st \u201cFalcons\u201d Brigade"));
  auto fsa = r.Entity(EntityType::kUnit, "Free Syrian Army");
  ASSERT_TRUE(fsa.has_value());
  EXPECT_TRUE(Has(r.Mentions(*fsa), "Free Army"));
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Political Security").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Okapi Valley Division").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Coastal Task Force").has_value());
}

TEST(EnglishUnits, DivisionAsAnOrdinaryNounIsNoUnit) {
  Result r = ExtractText(
      "There was a division of labour in the house. The second company of actors sang. "
      "We talked about the division of the land.");
  EXPECT_EQ(r.Count(EntityType::kUnit), 0u);
}

TEST(EnglishUnits, SubUnitsAreNamedUnderTheirParentAndAnaphoraResolve) {
  Result r = ExtractText(
      "I joined the 52nd Brigade in 2011. I was put in the 3rd Tank Battalion, one of the "
      "brigade's two tank battalions. Our battalion and the artillery battalion of the brigade "
      "moved together. The 52nd was proud of it.",
      "Abu Sami");
  auto bn = r.Entity(EntityType::kUnit, "52nd Brigade, 3rd Tank Battalion");
  ASSERT_TRUE(bn.has_value());
  EXPECT_TRUE(Has(r.Mentions(*bn), "Our battalion"));
  auto brigade = r.Entity(EntityType::kUnit, "52nd Brigade");
  ASSERT_TRUE(brigade.has_value());
  EXPECT_TRUE(Has(r.Mentions(*brigade), "The 52nd"));
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "52nd Brigade, Artillery Battalion").has_value());
  EXPECT_FALSE(
      r.Claims("52nd Brigade, 3rd Tank Battalion", Predicate::kSubordinateTo, "52nd Brigade")
          .empty());
}

TEST(EnglishPersons, RanksRolesKinshipAndKunyas) {
  Result r = ExtractText(
      "The commander was Brig. Gen. Nabil Farhat. Everybody called him Abu Hadi. Later "
      "Farhat left. My younger brother Ziad stayed home. A captain named Omar Kassem came.",
      "Abu Fadi");
  auto farhat = r.Entity(EntityType::kPerson, "Nabil Farhat");
  ASSERT_TRUE(farhat.has_value());
  auto m = r.Mentions(*farhat);
  EXPECT_TRUE(Has(m, "Brig. Gen. Nabil Farhat"));
  EXPECT_TRUE(Has(m, "Farhat"));
  EXPECT_TRUE(Has(m, "Abu Hadi"));
  auto ziad = r.Entity(EntityType::kPerson, "Ziad");
  ASSERT_TRUE(ziad.has_value());
  EXPECT_TRUE(r.x.entities[*ziad].is_protected);
  EXPECT_FALSE(r.x.entities[*farhat].is_protected);
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "Omar Kassem").has_value());
}

TEST(EnglishPersons, RankWordsThatAreNoPersonAndTheGeneralWithoutAntecedent) {
  Result r = ExtractText(
      "The general mood was bad. In general, nobody spoke. The major problem was water. "
      "The general came back later.");
  EXPECT_EQ(r.Count(EntityType::kPerson), 0u);
}

TEST(EnglishPersons, TheGeneralIsTheNearestGeneral) {
  Result r =
      ExtractText("We met Major General Tarek Hallaj in May. The general spoke for an hour.");
  auto p = r.Entity(EntityType::kPerson, "Tarek Hallaj");
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(Has(r.Mentions(*p), "The general"));
}

TEST(EnglishClaims, AppositionAndRelativeClausePostsWithRankAndTime) {
  Result r = ExtractText(
      "Abu Nour: I served in the 61st Brigade. The commander of the brigade until March 2014 was "
      "Colonel "
      "Fadi Antar.",
      "Abu Nour");
  auto cmd = r.Claims("Fadi Antar", Predicate::kCommanderOf, "61st Brigade");
  ASSERT_EQ(cmd.size(), 1u);
  EXPECT_EQ(cmd[0]->role, "commander");
  EXPECT_EQ(cmd[0]->time, "../2014-03");
  auto member = r.Claims("Fadi Antar", Predicate::kMemberOf, "61st Brigade");
  ASSERT_EQ(member.size(), 1u);
  EXPECT_EQ(member[0]->rank, "colonel");
  EXPECT_FALSE(r.Claims("Abu Nour", Predicate::kMemberOf, "61st Brigade").empty());
}

TEST(EnglishClaims, NewsPostsHaveNoExtraMembership) {
  Result r = ExtractText("The new GOC 12 Division, Maj.-Gen. K.T. Obaro, arrived on Monday.");
  auto cmd = r.Claims("K.T. Obaro", Predicate::kCommanderOf, "12th Division");
  EXPECT_EQ(cmd.size(), 1u);
  EXPECT_TRUE(r.Claims("K.T. Obaro", Predicate::kMemberOf, "12th Division").empty());
}

TEST(EnglishClaims, HearsayFirstHandAndDocumentary) {
  Result r = ExtractText(
      "I joined the 14th Brigade in 2010. The older men told me that the brigade was sent to "
      "Westmere in May 2012. I saw the brigade move to Tallbrook in June 2012. The orders with "
      "his signature showed that the brigade was sent to Karn in July 2012.",
      "Abu Samir");
  auto w = r.Claims("14th Brigade", Predicate::kDeployedTo, "Westmere");
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0]->evidence, Evidence::kHearsay);
  EXPECT_EQ(w[0]->time, "2012-05");
  auto t = r.Claims("14th Brigade", Predicate::kDeployedTo, "Tallbrook");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0]->evidence, Evidence::kFirstHand);
  auto k = r.Claims("14th Brigade", Predicate::kDeployedTo, "Karn");
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(k[0]->evidence, Evidence::kDocumentary);
}

TEST(EnglishClaims, DisputedPlannedAndUnknownMakeNoClaim) {
  Result r = ExtractText(
      "I was in the 20th Brigade. Some of the men say the brigade was sent to Karn in 2013. "
      "The brigade will be sent to Westmere. I do not know who the commander of the brigade "
      "was, maybe Colonel Amer Jaber.",
      "Abu Rami");
  EXPECT_TRUE(r.Claims("20th Brigade", Predicate::kDeployedTo, "Karn").empty());
  EXPECT_TRUE(r.Claims("20th Brigade", Predicate::kDeployedTo, "Westmere").empty());
  EXPECT_TRUE(r.Claims("Amer Jaber", Predicate::kCommanderOf, "20th Brigade").empty());
}

TEST(EnglishClaims, HierarchyLocationAndKinship) {
  Result r = ExtractText(
      "The 33rd is one of the brigades of the 7th Armored Division. The 33rd Brigade "
      "headquarters was in Ossington. In May 2013 we were attached to the 2nd Division. "
      "My father, Hamid, was a farmer.",
      "Abu Walid");
  EXPECT_EQ(r.Claims("33rd Brigade", Predicate::kSubordinateTo, "7th Armored Division").size(), 1u);
  auto hq = r.Claims("33rd Brigade", Predicate::kLocatedAt, "Ossington");
  ASSERT_EQ(hq.size(), 1u);
  EXPECT_EQ(hq[0]->role, "headquarters");
  auto kin = r.Claims("Hamid", Predicate::kRelativeOf, "Abu Walid");
  // The witness is not named in this text, so there is no one to be related to.
  EXPECT_TRUE(kin.empty());
  auto hamid = r.Entity(EntityType::kPerson, "Hamid");
  ASSERT_TRUE(hamid.has_value());
  EXPECT_TRUE(r.x.entities[*hamid].is_protected);
}

TEST(EnglishClaims, QuotesAreSentencesOfTheText) {
  Result r = ExtractText(
      "Abu Walid said: I served in the 5th Brigade from 2011. Its commander was Colonel Ayman "
      "Said.\nMy brother Rami was a conscript in the Republican Guard.",
      "Abu Walid");
  ASSERT_FALSE(r.x.claims.empty());
  for (const FoundClaim& c : r.x.claims) {
    ASSERT_LE(c.quote.end, r.text.size());
    std::string quote = r.text.substr(c.quote.begin, c.quote.end - c.quote.begin);
    EXPECT_EQ(quote.find('\n'), std::string::npos) << quote;
  }
  auto member = r.Claims("Abu Walid", Predicate::kMemberOf, "5th Brigade");
  ASSERT_EQ(member.size(), 1u);
  EXPECT_EQ(member[0]->time, "2011/..");
  auto rami = r.Claims("Rami", Predicate::kMemberOf, "Republican Guard");
  ASSERT_EQ(rami.size(), 1u);
  EXPECT_EQ(rami[0]->rank, "conscript");
  auto kin = r.Claims("Rami", Predicate::kRelativeOf, "Abu Walid");
  ASSERT_EQ(kin.size(), 1u);
  EXPECT_EQ(kin[0]->role, "brother");
}

// News style: officers named with initials and weekday names, headquarters, posts
// written title first, lists of posts.
TEST(EnglishPersons, InitialsAndWeekdayNamesAfterARank) {
  Result r = ExtractText(
      "Maj.-Gen. Sunday Okafor met Maj.-Gen. A. Danjuma and Brig.-Gen. O.A Eze. Later "
      "Colonel Tanko Bello Friday spoke. He met Colonel Audu Sunday morning.");
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "Sunday Okafor").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "A. Danjuma").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "O.A Eze").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "Tanko Bello Friday").has_value());
  // One name word and a weekday: the day it happened.
  EXPECT_TRUE(r.Entity(EntityType::kPerson, "Audu").has_value());
  EXPECT_FALSE(r.Entity(EntityType::kPerson, "Audu Sunday").has_value());
}

TEST(EnglishUnits, HeadquartersQuotedNumbersAndWhatAPostHeads) {
  Result r = ExtractText(
      "He moved from DHQ to the Naval headquarters. The Army Headquarters Garrison Commander "
      "visited the \u20184\u2019 Armoured Division. The Director, Army Public Relations, "
      "spoke. The Director, Musa Garba, did not.");
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "DHQ").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Naval headquarters").has_value());
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Army Headquarters Garrison").has_value());
  auto div = r.Entity(EntityType::kUnit, "4th Armored Division");
  ASSERT_TRUE(div.has_value());
  EXPECT_TRUE(Has(r.Mentions(*div), "\u20184\u2019 Armoured Division"));
  EXPECT_TRUE(r.Entity(EntityType::kUnit, "Army Public Relations").has_value());
  // A name after a role and a comma is a person's, not an organization's.
  EXPECT_FALSE(r.Entity(EntityType::kUnit, "Musa Garba").has_value());
  // Lower-case headquarters of a place, or of "the Brigade", is no unit.
  Result plain = ExtractText(
      "The Tallbrook headquarters of the party was closed. We went to the Brigade "
      "headquarters.");
  EXPECT_EQ(plain.Count(EntityType::kUnit), 0u);
}

TEST(EnglishClaims, PostsWrittenTitleFirstGoToTheOfficerTheyNameWith) {
  Result r = ExtractText(
      "Maj.-Gen. Tunde Eze is now the Chief of Training and Operations at the Defence "
      "Headquarters. Maj.-Gen. Ali Musa, the former Commander, Corps of Signals, Maj.-Gen. "
      "Bala Usman is now the GOC 4 Division. Also appointed were Maj.-Gen. C.K Obi, Director "
      "of Policy, DHQ; Maj.-Gen. D. Ahmed, Chief of Civil Affairs.");
  EXPECT_EQ(r.Claims("Tunde Eze", Predicate::kCommanderOf, "Defence Headquarters").size(), 1u);
  EXPECT_EQ(r.Claims("Bala Usman", Predicate::kCommanderOf, "Corps of Signals").size(), 1u);
  EXPECT_TRUE(r.Claims("Ali Musa", Predicate::kCommanderOf, "Corps of Signals").empty());
  EXPECT_EQ(r.Claims("Bala Usman", Predicate::kCommanderOf, "4th Division").size(), 1u);
  EXPECT_EQ(r.Claims("C.K Obi", Predicate::kCommanderOf, "DHQ").size(), 1u);
  EXPECT_TRUE(r.Claims("D. Ahmed", Predicate::kCommanderOf, "DHQ").empty());
}

TEST(EnglishClaims, ListsOfUnitsAndOfficers) {
  Result r = ExtractText(
      "The new GOCs are 4 Division, Maj-Gen. Ali Garba, 5 Division, Maj-Gen. Uche Obi. "
      "Troops of 12 Brigade, Karn, Lt. Col. Musa Dogo said, had left.");
  EXPECT_EQ(r.Claims("Ali Garba", Predicate::kCommanderOf, "4th Division").size(), 1u);
  EXPECT_EQ(r.Claims("Uche Obi", Predicate::kCommanderOf, "5th Division").size(), 1u);
  EXPECT_TRUE(r.Claims("Ali Garba", Predicate::kCommanderOf, "5th Division").empty());
  // Without a post named, the list says where the officer serves.
  auto member = r.Claims("Musa Dogo", Predicate::kMemberOf, "12th Brigade");
  ASSERT_EQ(member.size(), 1u);
  EXPECT_EQ(member[0]->rank, "lieutenant colonel");
  EXPECT_TRUE(r.Claims("Musa Dogo", Predicate::kCommanderOf, "12th Brigade").empty());
}

TEST(EnglishClaims, PostsByPronounPossessiveAndPosting) {
  Result r = ExtractText(
      "Maj.-Gen. Kunle Adeyemi arrived in Karn. He was a Commander of Operation Silver Lake "
      "in the north. A statement issued by the Defence Headquarters was signed by its "
      "director of information, Brig.-Gen. Segun Ola. Maj.-Gen. Ibrahim Tanko was moved to "
      "Army Headquarters as Director of Policy. Major General Ado Bello said while as GOC 4 "
      "Div, he built schools. Maj.-Gen. Ike Nwosu, Director of Operations, DOPs, Army "
      "Headquarters, retired.");
  EXPECT_EQ(r.Claims("Kunle Adeyemi", Predicate::kCommanderOf, "Operation Silver Lake").size(), 1u);
  EXPECT_EQ(r.Claims("Segun Ola", Predicate::kCommanderOf, "Defence Headquarters").size(), 1u);
  EXPECT_EQ(r.Claims("Ibrahim Tanko", Predicate::kCommanderOf, "Army Headquarters").size(), 1u);
  EXPECT_TRUE(r.Claims("Ibrahim Tanko", Predicate::kMemberOf, "Army Headquarters").empty());
  EXPECT_EQ(r.Claims("Ado Bello", Predicate::kCommanderOf, "4th Division").size(), 1u);
  EXPECT_EQ(r.Claims("Ike Nwosu", Predicate::kCommanderOf, "Army Headquarters").size(), 1u);
}

TEST(EnglishClaims, WhatMakesNoPost) {
  Result r = ExtractText(
      "The 7 Division held the town. The Chief of Army Staff, Lt. Gen. Musa Dauda, visited "
      "the troops. The chief of accounts and budget, Major Gen. Femi Ojo, spoke of funds. "
      "GENERAL OFFICERS COMMANDING 7 DIVISION. Later the Western Zonal Coordinator, Bala "
      "Yusuf, met them.");
  for (const FoundClaim& c : r.x.claims)
    ADD_FAILURE() << r.x.entities[c.subject].canonical << " " << knowledge::Name(c.predicate);
  EXPECT_FALSE(r.Entity(EntityType::kPerson, "OFFICERS").has_value());
}

TEST(EnglishClaims, ASuccessorTakesTheCommandThePredecessorHeld) {
  Result r = ExtractText(
      "The commander of the 12th Battalion was Captain Adel Nasr. After him came Major Samir "
      "Haddad, who was stricter.");
  EXPECT_EQ(r.Claims("Samir Haddad", Predicate::kCommanderOf, "12th Battalion").size(), 1u);
  Result news = ExtractText(
      "Maj.-Gen. Ike Obi, the GOC 5 Division, handed over to his successor, Maj.-Gen. Tanko "
      "Ali. Maj.-Gen. Uba Sani, GOC 6 Division, is being succeeded by Maj.-Gen. Femi Ade. "
      "Col. Musa Bako, Commander, 9 Brigade, left. Col. Yaro Dan has succeeded him as the "
      "spokesman.");
  EXPECT_EQ(news.Claims("Tanko Ali", Predicate::kCommanderOf, "5th Division").size(), 1u);
  EXPECT_EQ(news.Claims("Femi Ade", Predicate::kCommanderOf, "6th Division").size(), 1u);
  EXPECT_TRUE(news.Claims("Uba Sani", Predicate::kCommanderOf, "5th Division").empty());
  // Succeeded "as the spokesman": a post of its own, not the predecessor's command.
  EXPECT_TRUE(news.Claims("Yaro Dan", Predicate::kCommanderOf, "9th Brigade").empty());
}

}  // namespace
}  // namespace sijill::extract
