// Tests of format detection, ReadFile's common checks and the chunking shared by the
// readers.
#include "ingest/reader.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "ingest/readers_internal.h"
#include "ingest/testing/test_files.h"

namespace sijill::ingest {
namespace {

using testing::ErrorMessage;
using testing::Fixture;
using testing::RecordingSink;
using testing::TempDir;
using testing::WriteFile;
using testing::WriteZip;

TEST(FormatNameTest, Names) {
  EXPECT_EQ(FormatName(Format::kText), "text");
  EXPECT_EQ(FormatName(Format::kMarkdown), "markdown");
  EXPECT_EQ(FormatName(Format::kDocx), "docx");
  EXPECT_EQ(FormatName(Format::kPdf), "pdf");
}

class DetectFormatTest : public ::testing::Test {
 protected:
  TempDir dir_;
};

TEST_F(DetectFormatTest, RealFiles) {
  EXPECT_EQ(DetectFormat(Fixture("testimony.pdf")), Format::kPdf);
  EXPECT_EQ(DetectFormat(Fixture("scanned.pdf")), Format::kPdf);
  EXPECT_EQ(DetectFormat(Fixture("encrypted.pdf")), Format::kPdf);
  EXPECT_EQ(DetectFormat(Fixture("testimony.docx")), Format::kDocx);
  EXPECT_EQ(DetectFormat(Fixture("testimony_ar.txt")), Format::kText);
}

TEST_F(DetectFormatTest, ContentWinsOverExtension) {
  std::string pdf = testing::ReadBytes(Fixture("testimony.pdf"));
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("report.txt"), pdf)), Format::kPdf);
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("report.pdf"), "just text")), Format::kText);
}

TEST_F(DetectFormatTest, MarkdownByExtension) {
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("a.md"), "# x")), Format::kMarkdown);
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("b.MarkDown"), "# x")), Format::kMarkdown);
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("c.txt"), "# x")), Format::kText);
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("d"), "")), Format::kText);
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("e.md"), "%PDF-1.4")), Format::kPdf);
}

TEST_F(DetectFormatTest, ZipThatIsNotADocx) {
  auto path = WriteZip(dir_.Path("book.odt"), {{"content.xml", "<office:document/>"}});
  EXPECT_EQ(ErrorMessage(DetectFormat(path)),
            path.string() + ": a ZIP archive but not a DOCX document (no word/document.xml)");
}

TEST_F(DetectFormatTest, DamagedZipIsLeftToTheDocxReader) {
  std::string docx = testing::ReadBytes(Fixture("testimony.docx"));
  EXPECT_EQ(DetectFormat(WriteFile(dir_.Path("cut.docx"), docx.substr(0, 1000))), Format::kDocx);
}

TEST_F(DetectFormatTest, LegacyWordFile) {
  auto path = WriteFile(dir_.Path("old.doc"), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 and more");
  EXPECT_EQ(ErrorMessage(DetectFormat(path)),
            path.string() +
                ": an OLE2 compound file (a Word 97-2003 .doc or a password-protected Office "
                "document), which Sijill cannot read: save it as DOCX without a password");
}

TEST_F(DetectFormatTest, MissingFile) {
  auto result = DetectFormat(dir_.Path("absent"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kIOError);
  EXPECT_EQ(result.error().message(), dir_.Path("absent").string() + ": No such file or directory");
}

TEST_F(DetectFormatTest, Directory) {
  auto result = DetectFormat(dir_.Path(""));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(result.error().message(), dir_.Path("").string() + ": is a directory");
}

TEST_F(DetectFormatTest, UnreadableFile) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads any file";
  auto path = WriteFile(dir_.Path("secret.txt"), "x");
  chmod(path.c_str(), 0);
  EXPECT_EQ(ErrorMessage(DetectFormat(path)), path.string() + ": Permission denied");
}

TEST(ReadFileTest, DirectoryIsRefusedForEveryFormat) {
  TempDir dir;
  RecordingSink sink;
  std::filesystem::path path = dir.Path("");
  for (Format format : {Format::kText, Format::kMarkdown, Format::kDocx, Format::kPdf}) {
    EXPECT_EQ(ErrorMessage(ReadFile(path, format, sink)), path.string() + ": is a directory");
  }
}

TEST(ReadFileTest, MissingFileIsAnIoErrorForEveryFormat) {
  TempDir dir;
  RecordingSink sink;
  std::filesystem::path path = dir.Path("absent");
  for (Format format : {Format::kText, Format::kMarkdown, Format::kDocx, Format::kPdf}) {
    auto result = ReadFile(path, format, sink);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(result.error().code(), base::StatusCode::kIOError);
    EXPECT_EQ(result.error().message(), path.string() + ": No such file or directory");
  }
}

TEST(CodePointBoundaryTest, BacksOffToTheSequenceStart) {
  std::string text = "a\xD9\x85\xE2\x82\xAC";  // a, meem (2 bytes), euro sign (3 bytes)
  EXPECT_EQ(internal::CodePointBoundary(text, 0), 0u);
  EXPECT_EQ(internal::CodePointBoundary(text, 1), 1u);
  EXPECT_EQ(internal::CodePointBoundary(text, 2), 1u);
  EXPECT_EQ(internal::CodePointBoundary(text, 3), 3u);
  EXPECT_EQ(internal::CodePointBoundary(text, 5), 3u);
  EXPECT_EQ(internal::CodePointBoundary(text, 6), 6u);
  EXPECT_EQ(internal::CodePointBoundary(text, 100), 6u);
}

TEST(ChunkWriterTest, ChunksAreBoundedAndWhole) {
  RecordingSink sink;
  internal::ChunkWriter writer(sink);
  std::string expected;
  for (int i = 0; i < 50'000; ++i) {
    std::string_view piece = i % 2 == 0 ? "\xE2\x82\xAC" : "\xD9\x85x";
    ASSERT_TRUE(writer.Append(piece).ok());
    expected += piece;
  }
  ASSERT_TRUE(writer.Flush().ok());
  EXPECT_EQ(sink.text, expected);
  EXPECT_LE(sink.max_chunk, kMaxChunkBytes);
  EXPECT_GE(sink.max_chunk, kMaxChunkBytes - 3);
  EXPECT_TRUE(sink.all_valid_utf8);
  EXPECT_EQ(sink.chunks, (expected.size() + kMaxChunkBytes - 1) / kMaxChunkBytes);
}

TEST(ChunkWriterTest, NothingToFlush) {
  RecordingSink sink;
  internal::ChunkWriter writer(sink);
  ASSERT_TRUE(writer.Flush().ok());
  EXPECT_EQ(sink.chunks, 0u);
}

}  // namespace
}  // namespace sijill::ingest
