// Helpers for the encrypted-database tests: fixed keys, testimony-like passages, a
// database with an FTS5 index over them, and a full read-back that checks everything.
// Test-only; not thread-safe.
#pragma once

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "store/sqlite/connection.h"

namespace sijill::store::testing {

using sqlite::ArchiveId;
using sqlite::Connection;
using sqlite::PageKey;

inline PageKey TestKey(uint8_t seed) {
  PageKey k;
  for (size_t i = 0; i < k.size(); ++i) k[i] = static_cast<uint8_t>(size_t{seed} * 31 + i);
  return k;
}
inline ArchiveId TestArchive(uint8_t seed) {
  ArchiveId a;
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<uint8_t>(size_t{seed} * 7 + i * 3);
  return a;
}

// Every passage contains "detainees" and, in Arabic, "المعتقلين".
inline std::string Passage(int i) {
  static constexpr const char* kPlaces[] = {"Qaboun", "Daraya", "Douma", "Tadamon", "Saydnaya"};
  return fmt::format(
      "Witness {} said the detainees held at the {} checkpoint were beaten by the guards of "
      "branch {}. قال الشاهد {} إن المعتقلين في حاجز {} تعرضوا للضرب على يد عناصر الفرع {}.",
      i, kPlaces[i % 5], 200 + i % 30, i, i % 2 ? "القابون" : "داريا", 200 + i % 30);
}

inline constexpr const char* kSchema =
    "CREATE TABLE passages(id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
    "CREATE VIRTUAL TABLE passage_index USING fts5(text, content='passages', "
    "content_rowid='id');";

inline base::Result<std::unique_ptr<Connection>> OpenTest(const std::filesystem::path& db,
                                                          uint8_t key_seed = 1,
                                                          uint8_t archive_seed = 1) {
  return Connection::OpenEncrypted(db, Connection::Create::kYes, TestKey(key_seed),
                                   TestArchive(archive_seed));
}

// Inserts passages [first, first + count) in one transaction.
inline base::Status InsertPassages(Connection& conn, int first, int count) {
  TRY(conn.Exec("BEGIN"));
  ASSIGN_OR_RETURN(auto row, conn.Prepare("INSERT INTO passages(id, text) VALUES (?1, ?2)"));
  ASSIGN_OR_RETURN(auto idx,
                   conn.Prepare("INSERT INTO passage_index(rowid, text) VALUES (?1, ?2)"));
  for (int i = first; i < first + count; ++i) {
    std::string text = Passage(i);
    TRY(row.Bind(1, int64_t{i}).Bind(2, text).Run());
    row.Reset();
    TRY(idx.Bind(1, int64_t{i}).Bind(2, text).Run());
    idx.Reset();
  }
  return conn.Exec("COMMIT");
}

// Opens `db`, reads every passage, runs an FTS5 query, the FTS5 integrity check and
// PRAGMA integrity_check. Returns the passages (ordered by id) or the first error.
inline base::Result<std::vector<std::string>> ReadAll(const std::filesystem::path& db,
                                                      uint8_t key_seed = 1,
                                                      uint8_t archive_seed = 1) {
  ASSIGN_OR_RETURN(auto conn, OpenTest(db, key_seed, archive_seed));
  std::vector<std::string> rows;
  ASSIGN_OR_RETURN(auto all, conn->Prepare("SELECT id, text FROM passages ORDER BY id"));
  while (true) {
    ASSIGN_OR_RETURN(bool more, all.Step());
    if (!more) break;
    rows.emplace_back(all.Text(1));
  }
  ASSIGN_OR_RETURN(auto match, conn->Prepare("SELECT count(*) FROM passage_index WHERE "
                                             "passage_index MATCH 'detainees AND المعتقلين'"));
  ASSIGN_OR_RETURN(bool got, match.Step());
  if (!got || match.Int(0) != static_cast<int64_t>(rows.size())) {
    return base::Error(base::Status::Corruption("the FTS5 index disagrees with the passages"));
  }
  TRY(conn->Exec("INSERT INTO passage_index(passage_index) VALUES('integrity-check')"));
  TRY(conn->CheckIntegrity());
  return rows;
}

inline std::vector<std::string> Expected(int count) {
  std::vector<std::string> rows;
  rows.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) rows.push_back(Passage(i));
  return rows;
}

inline std::string Slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
inline void Spit(const std::filesystem::path& file, const std::string& bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace sijill::store::testing
