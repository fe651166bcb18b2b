// A feature's part of the document: its settings (a plain struct: the clusters' eps and minPts,
// the choropleth's metric, whether the conformance window is open …), kept in
// AppState::features by the feature's id and compared each frame with the rest of the document
// (a change recomputes and redraws what depends on it). What a tour step keeps of them the
// feature says itself (ui/feature.h: to_tour/from_tour). The App and the frame never name a
// feature's settings: they go through FeatureStates.
//
//   struct ClusterSettings { double eps_m = 1500; int min_pts = 4; bool operator==(…) const = default; };
//   st.features.get<ClusterSettings>(ids::kClusters).eps_m = 800;
#pragma once
#include <map>
#include <memory>
#include <string>
#include <typeinfo>

namespace cm {

class FeatureSettings {
 public:
  virtual ~FeatureSettings() = default;
  virtual std::unique_ptr<FeatureSettings> clone() const = 0;
  virtual bool equals(const FeatureSettings& other) const = 0;
};

template <class T>
class Settings final : public FeatureSettings {
 public:
  T value{};
  Settings() = default;
  explicit Settings(T v) : value(std::move(v)) {}
  std::unique_ptr<FeatureSettings> clone() const override { return std::make_unique<Settings>(value); }
  bool equals(const FeatureSettings& other) const override {
    const auto* o = dynamic_cast<const Settings*>(&other);
    return o && o->value == value;
  }
};

// Every feature's settings, by feature id. Copies are deep; equal when every feature's settings are.
class FeatureStates {
 public:
  FeatureStates() = default;
  FeatureStates(const FeatureStates& o) { *this = o; }
  FeatureStates& operator=(const FeatureStates& o) {
    if (this == &o) return *this;
    by_id_.clear();
    for (const auto& [id, s] : o.by_id_) by_id_.emplace(id, s->clone());
    return *this;
  }
  FeatureStates(FeatureStates&&) noexcept = default;
  FeatureStates& operator=(FeatureStates&&) noexcept = default;
  bool operator==(const FeatureStates& o) const {
    if (by_id_.size() != o.by_id_.size()) return false;
    for (const auto& [id, s] : by_id_) {
      const auto it = o.by_id_.find(id);
      if (it == o.by_id_.end() || !s->equals(*it->second)) return false;
    }
    return true;
  }

  // The settings of feature `id`, made with T's defaults the first time.
  template <class T>
  T& get(const std::string& id) {
    auto it = by_id_.find(id);
    if (it == by_id_.end()) it = by_id_.emplace(id, std::make_unique<Settings<T>>()).first;
    auto* s = dynamic_cast<Settings<T>*>(it->second.get());
    if (!s) throw std::bad_cast();  // two features registered under one id: a programming error
    return s->value;
  }
  // Read only: T's defaults when the feature has none yet.
  template <class T>
  const T& get(const std::string& id) const {
    static const T defaults{};
    const auto it = by_id_.find(id);
    if (it == by_id_.end()) return defaults;
    const auto* s = dynamic_cast<const Settings<T>*>(it->second.get());
    return s ? s->value : defaults;
  }
  void put(const std::string& id, std::unique_ptr<FeatureSettings> s) { by_id_[id] = std::move(s); }
  FeatureSettings* find(const std::string& id) {
    const auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second.get();
  }
  const std::map<std::string, std::unique_ptr<FeatureSettings>>& all() const { return by_id_; }

 private:
  std::map<std::string, std::unique_ptr<FeatureSettings>> by_id_;
};

}  // namespace cm
