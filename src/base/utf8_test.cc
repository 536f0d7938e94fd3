#include "base/utf8.h"

#include <gtest/gtest.h>

namespace sijill::base {
namespace {

TEST(Utf8, ValidText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("الكسوة Kisweh 😀"));
  EXPECT_EQ(CodePointCount("الكسوة"), 6u);
  EXPECT_EQ(CodePointCount("a😀b"), 3u);
}

TEST(Utf8, ReportsOffsetOfFirstBadSequence) {
  size_t offset = 0;
  EXPECT_FALSE(IsValidUtf8(std::string("abcdefghij\xff", 11), &offset));
  EXPECT_EQ(offset, 10u);
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf", &offset));  // overlong '/'
  EXPECT_EQ(offset, 0u);
  EXPECT_FALSE(IsValidUtf8("ok\xed\xa0\x80", &offset));  // surrogate
  EXPECT_EQ(offset, 2u);
  EXPECT_FALSE(IsValidUtf8("ok\xf4\x90\x80\x80", &offset));  // > U+10FFFF
  EXPECT_EQ(offset, 2u);
  EXPECT_FALSE(IsValidUtf8("ok\xd8", &offset));  // truncated
  EXPECT_EQ(offset, 2u);
}

TEST(Utf8, StreamValidatorHandlesSequencesAcrossChunks) {
  std::string text = "abc الكسوة 😀 end";
  for (size_t cut = 0; cut <= text.size(); ++cut) {
    for (size_t cut2 = cut; cut2 <= text.size(); ++cut2) {
      Utf8StreamValidator v;
      ASSERT_TRUE(v.Feed(std::string_view(text).substr(0, cut)));
      ASSERT_TRUE(v.Feed(std::string_view(text).substr(cut, cut2 - cut)));
      ASSERT_TRUE(v.Feed(std::string_view(text).substr(cut2)));
      ASSERT_TRUE(v.Finish()) << cut << "," << cut2;
    }
  }
}

TEST(Utf8, StreamValidatorReportsAbsoluteOffset) {
  std::string text = std::string(1000, 'a') + "\xd8\xa7" + "\xff" + "tail";
  for (size_t cut = 0; cut <= text.size(); cut += 7) {
    Utf8StreamValidator v;
    bool ok = v.Feed(std::string_view(text).substr(0, cut)) &&
              v.Feed(std::string_view(text).substr(cut)) && v.Finish();
    ASSERT_FALSE(ok);
    EXPECT_EQ(v.error_offset(), 1002u) << cut;
  }
  Utf8StreamValidator v;
  ASSERT_TRUE(v.Feed("abc\xd8"));
  EXPECT_FALSE(v.Finish());
  EXPECT_EQ(v.error_offset(), 3u);
}

TEST(Utf8, DecodeAndEncodeRoundTrip) {
  std::string text = "aé€😀";
  std::string out;
  for (size_t pos = 0; pos < text.size();) AppendUtf8(DecodeAt(text, &pos), &out);
  EXPECT_EQ(out, text);
}

}  // namespace
}  // namespace sijill::base
