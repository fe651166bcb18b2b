// A set of small non-negative ids (chain indices, district indices) for filters. Its "all" state
// admits every id, also ones it has never heard of (a district the file names but the map lacks,
// a chain added by another file); a narrowed set admits exactly its members. No size limit: real
// project tables have more chains than 64 and more districts than 32.
#pragma once
#include <algorithm>
#include <cstdint>
#include <vector>

namespace cm {

class IdSet {
 public:
  IdSet() = default;  // all
  static IdSet all() { return {}; }
  static IdSet none() {
    IdSet s;
    s.all_ = false;
    return s;
  }
  static IdSet only(int id) {
    IdSet s = none();
    s.put(id, true);
    return s;
  }

  bool isAll() const { return all_; }
  bool contains(int id) const {
    if (all_) return true;
    if (id < 0) return false;
    const size_t w = static_cast<size_t>(id) >> 6;
    return w < bits_.size() && (bits_[w] >> (id & 63) & 1u);
  }
  // Adds or removes `id` among the ids 0..universe-1 the UI lists. Removing from "all" keeps every
  // other listed id; a set that comes to hold every listed id becomes "all" again.
  void set(int id, bool on, int universe) {
    if (id < 0) return;
    if (all_) {
      if (on) return;
      *this = none();
      for (int i = 0; i < universe; ++i) put(i, true);
    }
    put(id, on);
    if (count(universe) == universe && universe > 0) *this = all();
  }
  // Members among 0..universe-1 ("all" counts every listed id).
  int count(int universe) const {
    int n = 0;
    for (int i = 0; i < universe; ++i) n += contains(i);
    return n;
  }
  const std::vector<uint64_t>& words() const { return bits_; }  // meaningful when !isAll()

  bool operator==(const IdSet& o) const {
    if (all_ != o.all_) return false;
    if (all_) return true;
    const size_t n = std::max(bits_.size(), o.bits_.size());
    for (size_t i = 0; i < n; ++i)
      if ((i < bits_.size() ? bits_[i] : 0) != (i < o.bits_.size() ? o.bits_[i] : 0)) return false;
    return true;
  }

 private:
  void put(int id, bool on) {
    const size_t w = static_cast<size_t>(id) >> 6;
    if (w >= bits_.size()) {
      if (!on) return;
      bits_.resize(w + 1, 0);
    }
    if (on) bits_[w] |= 1ull << (id & 63);
    else bits_[w] &= ~(1ull << (id & 63));
  }
  bool all_ = true;
  std::vector<uint64_t> bits_;
};

}  // namespace cm
