#include "render/layer_stack.h"

#include <algorithm>
#include <numeric>


namespace cm {

LayerStack::LayerStack(std::vector<std::unique_ptr<MapLayer>> layers) : layers_(std::move(layers)) {
  auto sortedBy = [&](auto z) {
    std::vector<size_t> order;
    for (size_t i = 0; i < layers_.size(); ++i)
      if (z(layers_[i]->info()) >= 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return z(layers_[a]->info()) < z(layers_[b]->info()); });
    return order;
  };
  overlay_ = sortedBy([](const LayerInfo& i) { return i.overlay_z; });
  legend_ = sortedBy([](const LayerInfo& i) { return i.legend_z; });
  pick_ = sortedBy([](const LayerInfo& i) { return i.pick_z; });
  std::reverse(pick_.begin(), pick_.end());
  std::vector<std::pair<int, Pass>> passes;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const LayerInfo& info = layers_[i]->info();
    for (size_t k = 0; k < info.map_z.size(); ++k) passes.push_back({info.map_z[k], Pass{i, k}});
    if (std::none_of(toggles_.begin(), toggles_.end(), [&](const LayerToggle& t) { return t.id == info.toggle; }))
      toggles_.push_back({info.toggle, info.toggle_name});
  }
  std::stable_sort(passes.begin(), passes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& p : passes) passes_.push_back(p.second);
}

LayerStack::~LayerStack() = default;
LayerStack::LayerStack(LayerStack&&) noexcept = default;
LayerStack& LayerStack::operator=(LayerStack&&) noexcept = default;

int LayerStack::indexOf(std::string_view id) const {
  for (size_t i = 0; i < layers_.size(); ++i)
    if (layers_[i]->info().id == id) return static_cast<int>(i);
  return -1;
}

bool LayerStack::shown(size_t i, const LayerFrame& f, const LayerVisibility& vis) const {
  return vis.on(layers_[i]->info().toggle) && layers_[i]->active(f);
}

void LayerStack::clear() { layers_.clear(); }

}  // namespace cm
