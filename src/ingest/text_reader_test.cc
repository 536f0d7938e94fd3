// Tests of the plain text and Markdown reader, through ReadFile.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <string>

#include "ingest/reader.h"
#include "ingest/testing/test_files.h"

namespace sijill::ingest {
namespace {

using testing::ErrorMessage;
using testing::Fixture;
using testing::RecordingSink;
using testing::TempDir;
using testing::WriteFile;

class TextReaderTest : public ::testing::Test {
 protected:
  // Writes `bytes` to a file and reads it back as `format`.
  base::Result<FileMetadata> Read(std::string_view bytes, Format format = Format::kText,
                                  std::string_view name = "t.txt") {
    path_ = WriteFile(dir_.Path(name), bytes);
    return ReadFile(path_, format, sink_);
  }
  std::string Error(std::string_view bytes) { return ErrorMessage(Read(bytes)); }
  // The message prefix for the default file name, "<path>".
  std::string P(std::string_view rest) { return dir_.Path("t.txt").string() + std::string(rest); }

  TempDir dir_;
  std::filesystem::path path_;
  RecordingSink sink_;
};

TEST_F(TextReaderTest, ArabicHeaderBlockIsMetadataNotText) {
  auto metadata = ReadFile(Fixture("testimony_ar.txt"), Format::kText, sink_);
  ASSERT_TRUE(metadata.has_value()) << metadata.error().message();
  EXPECT_EQ(metadata->title, "رقيب سابق يروي ما جرى عند الجسر");
  EXPECT_EQ(metadata->interviewed, "2023-06-18");
  EXPECT_EQ(metadata->place, "إسطنبول، تركيا");
  EXPECT_EQ(metadata->language, "ar");
  EXPECT_EQ(metadata->witness, "أبو حسام");
  EXPECT_EQ(sink_.text,
            "المحاوِر: «أبو حسام» اسمٌ مستعار اختاره الشاهد لنفسه.\n\n"
            "في الثالث من آذار 2013 أُغلق الحاجز عند الجسر، وانتظرنا هناك ست ساعات.\n");
}

TEST_F(TextReaderTest, WithoutHeaderEverythingIsText) {
  auto metadata = Read("Interviewer: Where were you?\n\nWitness: At home.\n");
  ASSERT_TRUE(metadata.has_value());
  EXPECT_FALSE(metadata->title.has_value());
  EXPECT_EQ(sink_.text, "Interviewer: Where were you?\n\nWitness: At home.\n");
}

TEST_F(TextReaderTest, KeyLinesWithoutBlankLineAreText) {
  ASSERT_TRUE(Read("Title: x\nThe rest.").has_value());
  EXPECT_EQ(sink_.text, "Title: x\nThe rest.");
}

TEST_F(TextReaderTest, HeaderLongerThan64KiBIsText) {
  std::string text = "Title: " + std::string(70'000, 'x') + "\n\nBody";
  auto metadata = Read(text);
  ASSERT_TRUE(metadata.has_value());
  EXPECT_FALSE(metadata->title.has_value());
  EXPECT_EQ(sink_.text, text);
}

TEST_F(TextReaderTest, BomIsDropped) {
  ASSERT_TRUE(Read("\xEF\xBB\xBFTitle: x\n\nBody\n").has_value());
  EXPECT_EQ(sink_.text, "Body\n");
}

TEST_F(TextReaderTest, LineEndsBecomeLf) {
  ASSERT_TRUE(Read("a\r\nb\rc\n\r\r\nd\r").has_value());
  EXPECT_EQ(sink_.text, "a\nb\nc\n\n\nd\n");
}

TEST_F(TextReaderTest, CrlfAcrossTheReadBoundary) {
  std::string a(65'535, 'a');
  ASSERT_TRUE(Read(a + "\r\nb\r").has_value());
  EXPECT_EQ(sink_.text, a + "\nb\n");
}

TEST_F(TextReaderTest, LoneCrAtTheReadBoundary) {
  std::string a(65'535, 'a');
  ASSERT_TRUE(Read(a + "\rb").has_value());
  EXPECT_EQ(sink_.text, a + "\nb");
}

TEST_F(TextReaderTest, SequenceAcrossTheReadBoundaryIsNotCut) {
  std::string a(65'535, 'a');
  std::string text = a + "é\xF0\x9F\x93\x9C" + a + "م";  // é, U+1F4DC, meem
  ASSERT_TRUE(Read(text).has_value());
  EXPECT_EQ(sink_.text, text);
  EXPECT_TRUE(sink_.all_valid_utf8);
  EXPECT_LE(sink_.max_chunk, kMaxChunkBytes);
}

TEST_F(TextReaderTest, WhitespaceBeforeTheTextIsDropped) {
  ASSERT_TRUE(Read("\n \r\n\t Hello\n").has_value());
  EXPECT_EQ(sink_.text, "Hello\n");
}

TEST_F(TextReaderTest, InvalidUtf8NamesTheByte) {
  EXPECT_EQ(Error("ab\xFF"
                  "cd"),
            P(": not valid UTF-8 at byte 2"));
  EXPECT_EQ(Error("\xC0\xAF"), P(": not valid UTF-8 at byte 0"));        // overlong
  EXPECT_EQ(Error("x\xED\xA0\x80"), P(": not valid UTF-8 at byte 1"));   // surrogate
  EXPECT_EQ(Error("abc\xE2\x82"), P(": not valid UTF-8 at byte 3"));     // cut at end
  EXPECT_EQ(Error("\xFF\xFEh\0i\0"), P(": not valid UTF-8 at byte 0"));  // UTF-16
}

TEST_F(TextReaderTest, InvalidUtf8OffsetCountsTheBom) {
  EXPECT_EQ(Error("\xEF\xBB\xBF"
                  "ab\xFF"),
            P(": not valid UTF-8 at byte 5"));
}

TEST_F(TextReaderTest, InvalidUtf8AcrossTheReadBoundary) {
  std::string a(65'535, 'a');
  EXPECT_EQ(Error(a + "\xE2(b"), P(": not valid UTF-8 at byte 65535"));
  EXPECT_EQ(Error(a + "bc\xC3(d"), P(": not valid UTF-8 at byte 65537"));
}

TEST_F(TextReaderTest, NulByteIsNotText) {
  EXPECT_EQ(Error(std::string("ab\0c", 4)), P(": not a text file (NUL byte at byte 2)"));
  EXPECT_EQ(Error(std::string("\0\xFF", 2)), P(": not a text file (NUL byte at byte 0)"));
  EXPECT_EQ(Error(std::string("\xFF\0", 2)), P(": not valid UTF-8 at byte 0"));
}

TEST_F(TextReaderTest, EmptyFiles) {
  EXPECT_EQ(Error(""), P(": the file is empty"));
  EXPECT_EQ(Error("\xEF\xBB\xBF"), P(": the file is empty"));
  EXPECT_EQ(Error("\xEF\xBB\xBF \r\n\t\n"), P(": the file is empty"));
  EXPECT_EQ(Read("").error().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(sink_.chunks, 0u);
}

TEST_F(TextReaderTest, HeaderWithoutBodyHasNoText) {
  EXPECT_EQ(Error("Title: x\nWitness: y\n\n \n"), P(": no text in the file"));
}

TEST_F(TextReaderTest, MarkdownFrontMatterIsMetadata) {
  auto metadata =
      Read("---\ntitle: On the road\nwitness: \"Abu Karam\"\n---\n\n# Part one\n\nText *here*.\n",
           Format::kMarkdown, "t.md");
  ASSERT_TRUE(metadata.has_value());
  EXPECT_EQ(metadata->title, "On the road");
  EXPECT_EQ(metadata->witness, "Abu Karam");
  EXPECT_EQ(sink_.text, "# Part one\n\nText *here*.\n");
}

TEST_F(TextReaderTest, PlainTextKeepsFrontMatterLines) {
  ASSERT_TRUE(Read("---\ntitle: x\n---\nBody\n").has_value());
  EXPECT_EQ(sink_.text, "---\ntitle: x\n---\nBody\n");
}

TEST_F(TextReaderTest, SinkErrorStopsTheReader) {
  sink_.fail_at_chunk = 1;
  auto result = Read(std::string(200'000, 'z'));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kUnavailable);
  EXPECT_EQ(result.error().message(), "sink is full");
  EXPECT_EQ(sink_.chunks, 1u);
}

TEST_F(TextReaderTest, MissingFileIsAnIoError) {
  auto result = ReadFile(dir_.Path("absent.txt"), Format::kText, sink_);
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kIOError);
  EXPECT_EQ(result.error().message(),
            dir_.Path("absent.txt").string() + ": No such file or directory");
}

long PeakRssKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// 50 MB of mixed English and Arabic lines with CRLF endings, written in pieces.
std::filesystem::path WriteLargeFile(const std::filesystem::path& path, size_t* lf_bytes) {
  std::string block;
  for (int i = 0; i < 1000; ++i) {
    block += "Line " + std::to_string(i) + ": the checkpoint at the bridge. الحاجز عند الجسر\r\n";
  }
  std::ofstream out(path, std::ios::binary);
  *lf_bytes = 0;
  for (size_t written = 0; written < 50'000'000; written += block.size()) {
    out.write(block.data(), static_cast<std::streamsize>(block.size()));
    *lf_bytes += block.size() - 1000;  // each CRLF becomes LF
  }
  return path;
}

TEST_F(TextReaderTest, LargeFileStreamsInBoundedChunks) {
  size_t expected_bytes = 0;
  auto path = WriteLargeFile(dir_.Path("large.txt"), &expected_bytes);
  sink_.keep_text = false;
  long rss_before = PeakRssKiB();
  auto metadata = ReadFile(path, Format::kText, sink_);
  ASSERT_TRUE(metadata.has_value()) << metadata.error().message();
  EXPECT_EQ(sink_.bytes, expected_bytes);
  EXPECT_LE(sink_.max_chunk, kMaxChunkBytes);
  EXPECT_GE(sink_.chunks, expected_bytes / kMaxChunkBytes);
  EXPECT_TRUE(sink_.all_valid_utf8);
  EXPECT_LT(PeakRssKiB() - rss_before, 16 * 1024);  // far less than the 50 MB read
}

}  // namespace
}  // namespace sijill::ingest
