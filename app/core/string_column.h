// A column of strings in one arena: every value is stored back to back in one char buffer, each
// followed by a NUL (so a value's data() is a C string for ImGui and GDAL), with one offset per
// row. A million names cost their bytes plus 4 bytes each, instead of a 32-byte std::string and a
// heap block per name. Values are read as views (StrRef); the importer and the generator append.
// Both arrays are Columns (core/column.h): owned, or views of the columnar cache.
#pragma once
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/column.h"

namespace cm {

// A view of one value; c_str() works because the arena NUL-terminates every value.
struct StrRef : std::string_view {
  using std::string_view::string_view;
  constexpr StrRef(std::string_view v) : std::string_view(v) {}
  const char* c_str() const { return data(); }
  std::string str() const { return std::string(*this); }
};

class StringColumn {
 public:
  StringColumn() = default;
  StringColumn(std::initializer_list<std::string_view> values) {
    for (std::string_view v : values) push_back(v);
  }

  size_t size() const { return offsets_.empty() ? 0 : offsets_.size() - 1; }
  bool empty() const { return size() == 0; }
  StrRef operator[](size_t i) const {
    const uint32_t a = offsets_[i], b = offsets_[i + 1];
    // A column adopted from the cache without reading every offset (adoptView) may hold a bad one:
    // such a value reads as empty, never past the arena (whose last byte is a NUL).
    if (b <= a || b > chars_.size()) return StrRef(chars_.data() + chars_.size() - 1, 0);
    return StrRef(chars_.data() + a, b - a - 1);
  }
  StrRef at(size_t i) const {
    if (i >= size()) throw std::out_of_range("StringColumn::at");
    return (*this)[i];
  }
  StrRef back() const { return (*this)[size() - 1]; }

  void push_back(std::string_view v) {
    if (offsets_.empty()) offsets_.push_back(0);
    if (chars_.size() + v.size() + 1 > UINT32_MAX) throw std::length_error("StringColumn: over 4 GiB of text");
    chars_.insert(chars_.end(), v.begin(), v.end());
    chars_.push_back('\0');
    offsets_.push_back(static_cast<uint32_t>(chars_.size()));
  }
  // Every value of `o`, after this column's.
  void append(const StringColumn& o) {
    if (o.empty()) return;
    if (offsets_.empty()) offsets_.push_back(0);
    if (chars_.size() + o.chars_.size() > UINT32_MAX) throw std::length_error("StringColumn: over 4 GiB of text");
    const uint32_t base = static_cast<uint32_t>(chars_.size());
    chars_.insert(chars_.end(), o.chars_.begin(), o.chars_.end());
    const size_t at = offsets_.size();
    offsets_.resize(at + o.size());
    uint32_t* to = offsets_.data() + at;
    const uint32_t* from = o.offsets_.data() + 1;
    for (size_t i = 0; i < o.size(); ++i) to[i] = from[i] + base;
  }
  void reserve(size_t rows, size_t bytes) {
    offsets_.reserve(rows + 1);
    chars_.reserve(bytes);
  }
  void clear() {
    chars_.clear();
    offsets_.clear();
  }
  void shrink_to_fit() {
    chars_.shrink_to_fit();
    offsets_.shrink_to_fit();
  }

  // Iteration yields StrRef values.
  struct iterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = StrRef;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = StrRef;
    const StringColumn* c = nullptr;
    size_t i;
    StrRef operator*() const { return (*c)[i]; }
    iterator& operator++() { ++i; return *this; }
    iterator operator++(int) { iterator t = *this; ++i; return t; }
    difference_type operator-(const iterator& o) const { return static_cast<difference_type>(i) - static_cast<difference_type>(o.i); }
    bool operator==(const iterator& o) const { return i == o.i; }
    bool operator!=(const iterator& o) const { return i != o.i; }
  };
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, size()}; }

  bool operator==(const StringColumn& o) const { return size() == o.size() && chars_ == o.chars_ && (empty() || offsets_ == o.offsets_); }

  // The raw arrays, for the columnar cache: chars (every value and its NUL) and size()+1 offsets
  // (or none when empty).
  const Column<char>& chars() const { return chars_; }
  const Column<uint32_t>& offsets() const { return offsets_; }
  // Adopts raw arrays; false (and the column left empty) when they do not describe a valid column.
  bool assign(std::vector<char> chars, std::vector<uint32_t> offsets) {
    clear();
    if (offsets.empty()) return chars.empty();
    if (offsets.front() != 0 || offsets.back() != chars.size()) return false;
    for (size_t i = 1; i < offsets.size(); ++i)
      if (offsets[i] <= offsets[i - 1] || offsets[i] > chars.size() || chars[offsets[i] - 1] != '\0') return false;
    chars_ = std::move(chars);
    offsets_ = std::move(offsets);
    return true;
  }
  // Adopts columns (views of the cache) checking only their ends, so that no other page is read:
  // the first offset 0, the last the arena's size, the arena ending in a NUL. operator[] keeps a
  // bad offset between them from reading outside the arena.
  bool adoptView(Column<char> chars, Column<uint32_t> offsets) {
    clear();
    if (offsets.empty()) return chars.empty();
    if (offsets.front() != 0 || offsets.back() != chars.size() || chars.empty() || chars.back() != '\0') return false;
    chars_ = std::move(chars);
    offsets_ = std::move(offsets);
    return true;
  }
  size_t bytes() const { return chars_.heapBytes() + offsets_.heapBytes(); }

 private:
  Column<char> chars_;
  Column<uint32_t> offsets_;  // size()+1 entries once a value was added
};

}  // namespace cm
