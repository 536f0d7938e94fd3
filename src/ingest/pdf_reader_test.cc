// Tests of the PDF reader: files made by LibreOffice, qpdf and Ghostscript
// (scripts/make-fixtures), and damaged copies made here.
#include <gtest/gtest.h>

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

class PdfReaderTest : public ::testing::Test {
 protected:
  // Reads `path` as a PDF, checking that poppler printed nothing.
  base::Result<FileMetadata> Read(const std::filesystem::path& path) {
    ::testing::internal::CaptureStderr();
    auto result = ReadFile(path, Format::kPdf, sink_);
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
    return result;
  }
  // Writes the first `size` bytes of testimony.pdf to a file and returns its path.
  std::filesystem::path TruncatedCopy(size_t size) {
    std::string bytes = testing::ReadBytes(Fixture("testimony.pdf"));
    return WriteFile(dir_.Path("cut.pdf"), bytes.substr(0, size));
  }

  TempDir dir_;
  RecordingSink sink_;
};

TEST_F(PdfReaderTest, ReadsLibreOfficePdf) {
  auto metadata = Read(Fixture("testimony.pdf"));
  ASSERT_TRUE(metadata.has_value()) << metadata.error().message();
  // Page 1 is left-to-right with a right-to-left paragraph; page 2 is right-to-left.
  EXPECT_EQ(sink_.text,
            "I was a teacher in Douma until the spring of 2013. On 14 March 2013 the checkpoint\n"
            "at the bridge was closed, and we waited there for six hours.\n\n"
            "كنت معلما في دوما حتى ربيع عام 2013. في الرابع عشر من آذار أغلق الحاجز عند الجسر، "
            "وانتظرنا\n"
            "هناك ست ساعات.\n"
            "Interviewer: Who was there?\n"
            "Witness: Soldiers from the brigade.\n\n"
            "قال الشاهد إن الضابط Samer Qaddour كان في المقر سنة 2013 مع 40 جنديا.\n\n");
  EXPECT_EQ(metadata->title, "Sample testimony: the bridge checkpoint");
  EXPECT_EQ(metadata->interviewed, "2024-05-12");
  EXPECT_TRUE(sink_.all_valid_utf8);
}

TEST_F(PdfReaderTest, EncryptedPdf) {
  std::filesystem::path path = Fixture("encrypted.pdf");
  EXPECT_EQ(ErrorMessage(Read(path)), path.string() + ": the PDF is password-protected");
  EXPECT_EQ(sink_.chunks, 0u);
}

TEST_F(PdfReaderTest, ScannedPdfHasNoText) {
  std::filesystem::path path = Fixture("scanned.pdf");
  EXPECT_EQ(ErrorMessage(Read(path)),
            path.string() + ": no text in the file (a scanned PDF needs OCR first)");
}

TEST_F(PdfReaderTest, TruncatedPdf) {
  for (size_t size : {100, 5000, 12000}) {
    std::filesystem::path path = TruncatedCopy(size);
    EXPECT_EQ(ErrorMessage(Read(path)), path.string() + ": corrupt PDF or not a PDF") << size;
  }
}

TEST_F(PdfReaderTest, PdfThatLostOnlyItsTrailerIsRepaired) {
  auto whole = Read(Fixture("testimony.pdf"));
  ASSERT_TRUE(whole.has_value());
  std::string text = sink_.text;
  sink_.text.clear();
  size_t size = std::filesystem::file_size(Fixture("testimony.pdf"));
  EXPECT_EQ(ErrorMessage(Read(TruncatedCopy(size - 10))), "ok");
  EXPECT_EQ(sink_.text, text);
}

TEST_F(PdfReaderTest, NotAPdf) {
  std::filesystem::path path = WriteFile(dir_.Path("t.pdf"), "%PDF-1.7\nnothing else\n");
  EXPECT_EQ(ErrorMessage(Read(path)), path.string() + ": corrupt PDF or not a PDF");
  path = WriteFile(dir_.Path("u.pdf"), "plain words");
  EXPECT_EQ(ErrorMessage(Read(path)), path.string() + ": corrupt PDF or not a PDF");
}

TEST_F(PdfReaderTest, SinkErrorIsPassedOnUnchanged) {
  sink_.fail_at_chunk = 1;
  auto result = Read(Fixture("testimony.pdf"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message(), "sink is full");
}

}  // namespace
}  // namespace sijill::ingest
