// One column of the project table: a vector of plain values that is either owned (the importer,
// the generator and the CSV reader build it) or a view of a memory-mapped file (the columnar
// cache, data/project_cache.h, served in place: a reopen touches only the pages that a frame or a
// statistic reads). Reads are the same either way. A viewed column is writable in place (the file
// is mapped MAP_PRIVATE: a written page is copied by the kernel, the file never changes); any
// change of its length first copies it into owned memory. A copy of a column is always owned.
#pragma once
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <memory>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <vector>

namespace cm {

template <class T>
class Column {
  static_assert(std::is_trivially_copyable_v<T>, "a column holds plain values");

 public:
  using value_type = T;
  using size_type = size_t;
  using reference = T&;
  using const_reference = const T&;
  using iterator = T*;
  using const_iterator = const T*;

  Column() = default;
  Column(std::initializer_list<T> v) : own_(v) {}
  explicit Column(size_t n, const T& v = T()) : own_(n, v) {}
  Column(std::vector<T> v) : own_(std::move(v)) {}  // adopts
  template <class It, class = std::enable_if_t<!std::is_integral_v<It>>>
  Column(It first, It last) : own_(first, last) {}
  Column(const Column& o) : own_(o.begin(), o.end()) {}
  Column(Column&& o) noexcept { *this = std::move(o); }
  Column& operator=(const Column& o) {
    if (this != &o) {
      std::vector<T> copy(o.begin(), o.end());
      own_ = std::move(copy);
      drop();
    }
    return *this;
  }
  Column& operator=(Column&& o) noexcept {
    if (this != &o) {
      own_ = std::move(o.own_);
      keep_ = std::move(o.keep_);
      view_ = o.view_, view_size_ = o.view_size_;
      o.drop();
      o.own_.clear();
    }
    return *this;
  }
  Column& operator=(std::initializer_list<T> v) {
    own_.assign(v.begin(), v.end());
    drop();
    return *this;
  }
  Column& operator=(std::vector<T> v) {
    own_ = std::move(v);
    drop();
    return *this;
  }

  // A view of `n` values at `data`, kept valid by `keep` (the mapping) for as long as any column
  // views it. `data` must be aligned for T.
  static Column view(std::shared_ptr<void> keep, T* data, size_t n) {
    Column c;
    c.keep_ = std::move(keep);
    c.view_ = data, c.view_size_ = n;
    return c;
  }
  bool viewed() const { return keep_ != nullptr; }

  size_t size() const { return keep_ ? view_size_ : own_.size(); }
  bool empty() const { return size() == 0; }
  const T* data() const { return keep_ ? view_ : own_.data(); }
  T* data() { return keep_ ? view_ : own_.data(); }
  const T& operator[](size_t i) const { return data()[i]; }
  T& operator[](size_t i) { return data()[i]; }
  const T& at(size_t i) const {
    if (i >= size()) throw std::out_of_range("Column::at");
    return data()[i];
  }
  const T& front() const { return data()[0]; }
  const T& back() const { return data()[size() - 1]; }
  T& back() { return data()[size() - 1]; }
  const T* begin() const { return data(); }
  const T* end() const { return data() + size(); }
  T* begin() { return data(); }
  T* end() { return data() + size(); }
  std::span<const T> span() const { return {data(), size()}; }
  operator std::span<const T>() const { return span(); }
  std::vector<T> vec() const { return std::vector<T>(begin(), end()); }

  // Changes of length: a viewed column becomes owned first.
  void push_back(const T& v) { owned().push_back(v); }
  template <class... A>
  T& emplace_back(A&&... a) { return owned().emplace_back(std::forward<A>(a)...); }
  void pop_back() { owned().pop_back(); }
  void resize(size_t n) { owned().resize(n); }
  void resize(size_t n, const T& v) { owned().resize(n, v); }
  void reserve(size_t n) { owned().reserve(n); }
  void assign(size_t n, const T& v) {
    drop();
    own_.assign(n, v);
  }
  template <class It, class = std::enable_if_t<!std::is_integral_v<It>>>
  void assign(It first, It last) {
    std::vector<T> v(first, last);  // `first` may point into this column
    own_ = std::move(v);
    drop();
  }
  template <class It>
  T* insert(const T* pos, It first, It last) {
    const size_t at = static_cast<size_t>(pos - begin());
    auto& o = owned();
    o.insert(o.begin() + static_cast<std::ptrdiff_t>(at), first, last);
    return o.data() + at;
  }
  void clear() {
    drop();
    own_.clear();
  }
  void swap(Column& o) noexcept {
    Column t = std::move(o);
    o = std::move(*this);
    *this = std::move(t);
  }
  void shrink_to_fit() {
    if (!keep_) own_.shrink_to_fit();
  }
  // Heap bytes held (a view holds none of its own).
  size_t capacity() const { return keep_ ? view_size_ : own_.capacity(); }
  size_t heapBytes() const { return keep_ ? 0 : own_.capacity() * sizeof(T); }

  friend bool operator==(const Column& a, const Column& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }
  friend bool operator==(const Column& a, const std::vector<T>& b) { return std::equal(a.begin(), a.end(), b.begin(), b.end()); }

 private:
  std::vector<T>& owned() {
    if (keep_) {
      std::vector<T> v(view_, view_ + view_size_);
      own_ = std::move(v);
      drop();
    }
    return own_;
  }
  void drop() {
    keep_.reset();
    view_ = nullptr, view_size_ = 0;
  }

  std::vector<T> own_;
  std::shared_ptr<void> keep_;  // the mapping a view lies in; null when owned
  T* view_ = nullptr;
  size_t view_size_ = 0;
};

}  // namespace cm
