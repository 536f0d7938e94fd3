// Tests of the DOCX reader: a file made by LibreOffice, and variants written here.
#include <gmock/gmock.h>
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
using testing::WriteZip;

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";

// word/document.xml around `body`.
std::string DocumentXml(
    std::string_view body,
    std::string_view word_ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main") {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         R"(<w:document xmlns:w=")" + std::string(word_ns) +
         R"(" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006")"
         R"( xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape")"
         R"( xmlns:v="urn:schemas-microsoft-com:vml"><w:body>)" +
         std::string(body) + "</w:body></w:document>";
}

class DocxReaderTest : public ::testing::Test {
 protected:
  // Writes a DOCX whose word/document.xml is `document_xml` and reads it.
  base::Result<FileMetadata> ReadDocument(std::string document_xml, std::string core_xml = "") {
    std::vector<std::pair<std::string, std::string>> members = {
        {"[Content_Types].xml", std::string(kContentTypes)},
        {"word/document.xml", std::move(document_xml)}};
    if (!core_xml.empty()) members.emplace_back("docProps/core.xml", std::move(core_xml));
    return ReadFile(WriteZip(Path(), members), Format::kDocx, sink_);
  }
  base::Result<FileMetadata> ReadBody(std::string_view body) {
    return ReadDocument(DocumentXml(body));
  }
  std::filesystem::path Path() const { return dir_.Path("t.docx"); }
  std::string P(std::string_view rest) const { return Path().string() + std::string(rest); }

  TempDir dir_;
  RecordingSink sink_;
};

TEST_F(DocxReaderTest, ReadsLibreOfficeDocument) {
  auto metadata = ReadFile(Fixture("testimony.docx"), Format::kDocx, sink_);
  ASSERT_TRUE(metadata.has_value()) << metadata.error().message();
  EXPECT_EQ(sink_.text,
            "I was a teacher in Douma until the spring of 2013. On 14 March 2013 the checkpoint "
            "at the bridge was closed, and we waited there for six hours.\n\n"
            "كنت معلما في دوما حتى ربيع عام 2013. في الرابع عشر من آذار أغلق الحاجز عند الجسر، "
            "وانتظرنا هناك ست ساعات.\n\n"
            "Interviewer:\tWho was there?\nWitness:\tSoldiers from the brigade.\n\n"
            "قال الشاهد إن الضابط Samer Qaddour كان في المقر سنة 2013 مع 40 جنديا.\n\n");
  EXPECT_EQ(metadata->title, "Sample testimony: the bridge checkpoint");
  EXPECT_EQ(metadata->interviewed, "2024-05-12");
  EXPECT_FALSE(metadata->witness.has_value());
}

TEST_F(DocxReaderTest, TabsBreaksAndDeletedText) {
  ASSERT_TRUE(ReadBody(R"(<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>)"
                       R"(<w:r><w:t>A</w:t><w:tab/><w:t xml:space="preserve">b </w:t></w:r>)"
                       R"(<w:del><w:r><w:delText>gone</w:delText></w:r></w:del>)"
                       R"(<w:r><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t></w:r></w:p>)")
                  .has_value());
  EXPECT_EQ(sink_.text, "A\tb \nc\nd\n\n");
}

TEST_F(DocxReaderTest, FieldCodesAreLeftOut) {
  ASSERT_TRUE(ReadBody(R"(<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>)"
                       R"(<w:r><w:instrText> PAGE </w:instrText></w:r>)"
                       R"(<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>)"
                       R"(<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>)")
                  .has_value());
  EXPECT_EQ(sink_.text, "7\n\n");
}

TEST_F(DocxReaderTest, EmptyParagraphsAreSkippedTableCellsRead) {
  ASSERT_TRUE(ReadBody(R"(<w:p/><w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>)"
                       R"(<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:t>x</w:t></w:r></w:p>)"
                       R"(<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell 1</w:t></w:r></w:p></w:tc>)"
                       R"(<w:tc><w:p><w:r><w:t>cell 2</w:t></w:r></w:p></w:tc></w:tr></w:tbl>)")
                  .has_value());
  EXPECT_EQ(sink_.text, "x\n\ncell 1\n\ncell 2\n\n");
}

TEST_F(DocxReaderTest, TextBoxIsReadOnceAsItsOwnParagraph) {
  ASSERT_TRUE(
      ReadBody(R"(<w:p><w:r><w:t>before</w:t></w:r><w:r><mc:AlternateContent>)"
               R"(<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>)"
               R"(<w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing>)"
               R"(</mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>)"
               R"(<w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict>)"
               R"(</mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> after</w:t></w:r></w:p>)")
          .has_value());
  EXPECT_EQ(sink_.text, "before\n\nboxed\n\n after\n\n");
}

TEST_F(DocxReaderTest, StrictOpenXmlNamespace) {
  ASSERT_TRUE(ReadDocument(DocumentXml("<w:p><w:r><w:t>strict</w:t></w:r></w:p>",
                                       "http://purl.oclc.org/ooxml/wordprocessingml/main"))
                  .has_value());
  EXPECT_EQ(sink_.text, "strict\n\n");
}

TEST_F(DocxReaderTest, OtherNamespacesAreIgnored) {
  ASSERT_TRUE(
      ReadDocument(R"(<d xmlns:w="urn:other"><w:p><w:r><w:t>no</w:t></w:r></w:p>)"
                   R"(<p xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
                   R"(<r><t>yes</t></r></p></d>)")
          .has_value());
  EXPECT_EQ(sink_.text, "yes\n\n");
}

TEST_F(DocxReaderTest, CorePropertiesGiveTitleAndDate) {
  auto metadata = ReadDocument(
      DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties")"
      R"( xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">)"
      R"(<dc:title>  شهادة من دوما </dc:title><dcterms:created>2019-03</dcterms:created>)"
      R"(</cp:coreProperties>)");
  ASSERT_TRUE(metadata.has_value());
  EXPECT_EQ(metadata->title, "شهادة من دوما");
  EXPECT_EQ(metadata->interviewed, "2019-03");
}

TEST_F(DocxReaderTest, LongTitleIsCutOnACodePoint) {
  std::string title;
  for (int i = 0; i < 5000; ++i) title += "م";  // 2 bytes each
  auto metadata = ReadDocument(
      DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>"),
      R"(<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties")"
      R"( xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>)" +
          title + "</dc:title></cp:coreProperties>");
  ASSERT_TRUE(metadata.has_value());
  EXPECT_EQ(metadata->title, title.substr(0, 4096));
}

TEST_F(DocxReaderTest, BrokenCorePropertiesAreIgnored) {
  auto metadata = ReadDocument(DocumentXml("<w:p><w:r><w:t>x</w:t></w:r></w:p>"), "<cp:core");
  ASSERT_TRUE(metadata.has_value());
  EXPECT_FALSE(metadata->title.has_value());
  EXPECT_EQ(sink_.text, "x\n\n");
}

TEST_F(DocxReaderTest, HugeParagraphIsSentInBoundedChunks) {
  std::string words;
  while (words.size() < 300'000) words += "كلمة word ";
  ASSERT_TRUE(ReadBody("<w:p><w:r><w:t>" + words + "</w:t></w:r></w:p>").has_value());
  EXPECT_EQ(sink_.text, words + "\n\n");
  EXPECT_LE(sink_.max_chunk, kMaxChunkBytes);
  EXPECT_TRUE(sink_.all_valid_utf8);
}

TEST_F(DocxReaderTest, NoTextInTheDocument) {
  EXPECT_EQ(ErrorMessage(ReadBody("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>")),
            P(": no text in the file"));
}

TEST_F(DocxReaderTest, MalformedXmlIsReportedWithoutPrinting) {
  ::testing::internal::CaptureStderr();
  auto result = ReadDocument(DocumentXml("<w:p><w:r><w:t>x</w:t></w:r>"));
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(result.error().message(),
            P(": corrupt DOCX: word/document.xml line 1: Opening and ending tag mismatch: p "
              "line 1 and body"));
}

TEST_F(DocxReaderTest, DtdIsRefused) {
  std::string xml = DocumentXml("<w:p><w:r><w:t>&x;</w:t></w:r></w:p>");
  xml.insert(xml.find("<w:document"), R"(<!DOCTYPE w:document [<!ENTITY x "boom">]>)");
  EXPECT_EQ(ErrorMessage(ReadDocument(xml)), P(": corrupt DOCX: word/document.xml has a DTD"));
}

TEST_F(DocxReaderTest, ZipWithoutDocumentXml) {
  WriteZip(Path(), {{"word/other.xml", "<x/>"}});
  EXPECT_EQ(ErrorMessage(ReadFile(Path(), Format::kDocx, sink_)),
            P(": corrupt DOCX: no word/document.xml"));
}

TEST_F(DocxReaderTest, NotAZip) {
  WriteFile(Path(), "PK\3\4 but then nothing of a ZIP archive");
  EXPECT_EQ(ErrorMessage(ReadFile(Path(), Format::kDocx, sink_)),
            P(": corrupt DOCX: not a ZIP archive"));
}

TEST_F(DocxReaderTest, TruncatedDocx) {
  std::string bytes = testing::ReadBytes(Fixture("testimony.docx"));
  WriteFile(Path(), bytes.substr(0, bytes.size() / 2));
  EXPECT_EQ(ErrorMessage(ReadFile(Path(), Format::kDocx, sink_)),
            P(": corrupt DOCX: not a ZIP archive"));
}

TEST_F(DocxReaderTest, DamagedCompressedData) {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "<w:p><w:r><w:t>" + std::to_string(i) + "</w:t></w:r></w:p>";
  WriteZip(Path(), {{"word/document.xml", DocumentXml(text)}});
  std::string bytes = testing::ReadBytes(Path());
  for (size_t i = 200; i < 260; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0x5A);
  WriteFile(Path(), bytes);
  ::testing::internal::CaptureStderr();
  auto result = ReadFile(Path(), Format::kDocx, sink_);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(ErrorMessage(result), P(": corrupt DOCX: word/document.xml: Zlib error: data error"));
}

TEST_F(DocxReaderTest, ZipBombIsRefused) {
  std::string zeros(80u << 20, '\0');
  WriteZip(Path(), {{"word/document.xml", zeros}});
  EXPECT_THAT(
      ErrorMessage(ReadFile(Path(), Format::kDocx, sink_)),
      ::testing::MatchesRegex(
          ".*: corrupt DOCX: word/document.xml would expand from [0-9]+ to 83886080 bytes"));
}

TEST_F(DocxReaderTest, SinkErrorIsPassedOnUnchanged) {
  sink_.fail_at_chunk = 1;
  auto result = ReadBody("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code(), base::StatusCode::kUnavailable);
  EXPECT_EQ(result.error().message(), "sink is full");
}

}  // namespace
}  // namespace sijill::ingest
