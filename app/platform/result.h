// Result<T>: a value or a user-facing error message that names the file and the problem.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace cm {

template <class T>
class Result {
 public:
  Result(T v) : value_(std::move(v)) {}  // NOLINT: implicit by design
  static Result fail(std::string msg) { Result r; r.error_ = std::move(msg); return r; }
  explicit operator bool() const { return value_.has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T take() { return std::move(*value_); }
  const std::string& error() const { return error_; }

 private:
  Result() = default;
  std::optional<T> value_;
  std::string error_;
};

// "FILE: problem" — the one format every loader uses for its messages.
inline std::string fileError(const std::string& file, const std::string& problem) {
  return file + ": " + problem;
}

}  // namespace cm
