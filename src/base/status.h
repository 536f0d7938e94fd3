// Status and Result<T>: how Sijill reports expected failures (bad input, missing
// files, corruption). Exceptions are reserved for bugs and never cross a module
// boundary. Status values are immutable and safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace sijill::base {

enum class StatusCode {
  kOk,
  kNotFound,
  kInvalidArgument,
  kAlreadyExists,
  kPermissionDenied,
  kCorruption,  // integrity or hash mismatch; never downgraded silently
  kIOError,
  kUnavailable,  // e.g. the archive is locked by another writer
  kInternal,
};

// Returns the lower-case name of `code` ("not found", "corruption", ...).
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status PermissionDenied(std::string m) {
    return {StatusCode::kPermissionDenied, std::move(m)};
  }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IOError(std::string m) { return {StatusCode::kIOError, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  // The user-facing message: what went wrong and where. Empty when ok().
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "<prefix>: <message>", keeping the code.
  Status WithPrefix(std::string_view prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

template <class T>
using Result = tl::expected<T, Status>;

// Makes an error Result from a Status: `return Error(Status::NotFound("..."));`
inline tl::unexpected<Status> Error(Status s) { return tl::unexpected<Status>(std::move(s)); }

}  // namespace sijill::base

#define SIJILL_CONCAT_INNER_(a, b) a##b
#define SIJILL_CONCAT_(a, b) SIJILL_CONCAT_INNER_(a, b)

// TRY(expr): evaluates a Status; returns it from the calling function if not ok.
// Works in functions returning Status or Result<T>.
#define TRY(expr)                                                           \
  do {                                                                      \
    ::sijill::base::Status sijill_try_status_ = (expr);                     \
    if (!sijill_try_status_.ok())                                           \
      return ::sijill::base::internal::Fail(std::move(sijill_try_status_)); \
  } while (0)

// ASSIGN_OR_RETURN(lhs, expr): evaluates a Result<T>; on error returns its Status,
// otherwise moves the value into `lhs` (which may be a declaration: `auto x`).
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(SIJILL_CONCAT_(sijill_result_, __LINE__), lhs, expr)
// `tmp` is a generated name and `lhs` may be a declaration: neither can be parenthesized.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr)                                         \
  auto tmp = (expr);                                                                   \
  if (!tmp.has_value()) return ::sijill::base::internal::Fail(std::move(tmp.error())); \
  lhs = std::move(*tmp)
// NOLINTEND(bugprone-macro-parentheses)

namespace sijill::base::internal {
// Converts to either Status or Result<T> at the return site.
struct Failure {
  Status status;
  operator Status() && { return std::move(status); }  // NOLINT(google-explicit-constructor)
  template <class T>
  operator Result<T>() && {  // NOLINT(google-explicit-constructor)
    return tl::unexpected<Status>(std::move(status));
  }
};
inline Failure Fail(Status s) { return Failure{std::move(s)}; }
}  // namespace sijill::base::internal
