#include "base/id.h"

#include <gtest/gtest.h>

#include <array>
#include <set>

namespace sijill::base {
namespace {

TEST(Id, RoundTripsThroughText) {
  for (int i = 0; i < 1000; ++i) {
    Id id = Id::Random();
    std::string text = id.ToString();
    ASSERT_EQ(text.size(), Id::kTextLength);
    auto back = Id::Parse(text);
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(*back, id);
    EXPECT_EQ(id.Short(), text.substr(0, Id::kShortLength));
  }
}

// The text form is stored in every archive and export: these must never change.
TEST(Id, KnownTextForms) {
  std::array<uint8_t, 16> counting{};
  for (size_t i = 0; i < 16; ++i) counting[i] = static_cast<uint8_t>(i);
  std::array<uint8_t, 16> ones{};
  ones.fill(0xff);
  std::array<uint8_t, 16> top{};
  top[0] = 0x80;
  EXPECT_EQ(Id::FromBytes(counting).ToString(), "000g40r40m30e209185gr38e1w");
  EXPECT_EQ(Id::FromBytes(ones).ToString(), "zzzzzzzzzzzzzzzzzzzzzzzzzw");
  EXPECT_EQ(Id::FromBytes(top).ToString(), "g0000000000000000000000000");
  EXPECT_EQ(Id::Parse("000g40r40m30e209185gr38e1w"), Id::FromBytes(counting));
  EXPECT_EQ(Id::Parse("ZZZZZZZZZZZZZZZZZZZZZZZZZW"), Id::FromBytes(ones));
}

TEST(Id, ParseIsForgivingAboutCaseAndLookAlikes) {
  Id id = Id::Random();
  std::string upper = id.ToString();
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(Id::Parse(upper), id);
  EXPECT_EQ(Id::NormalizePrefix("OIL"), "011");
}

TEST(Id, RejectsWrongLengthBadCharactersAndPaddingBits) {
  EXPECT_FALSE(Id::Parse("abc").has_value());
  EXPECT_FALSE(Id::Parse(std::string(26, 'u')).has_value());        // 'u' is not Crockford
  EXPECT_FALSE(Id::Parse(std::string(25, '0') + "1").has_value());  // padding bit set
  EXPECT_TRUE(Id::Parse(std::string(26, '0')).has_value());
}

TEST(Id, PrefixRules) {
  EXPECT_FALSE(Id::IsPrefix("abc"));
  EXPECT_TRUE(Id::IsPrefix("abcd"));
  EXPECT_FALSE(Id::IsPrefix("abcu"));
  EXPECT_FALSE(Id::IsPrefix(std::string(27, 'a')));
}

TEST(Id, RandomIdsDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) seen.insert(Id::Random().Short());
  EXPECT_EQ(seen.size(), 10000u);
}

}  // namespace
}  // namespace sijill::base
