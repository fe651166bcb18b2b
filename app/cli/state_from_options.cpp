#include "cli/state_from_options.h"

#include "data/gdal/table.h"
#include "render/layer_stack.h"
#include "core/choropleth.h"
#include "core/ids.h"
#include "ui/app.h"
#include "ui/feature.h"
#include "ui/layout.h"

namespace cm {

Result<AppState> stateFromOptions(const Options& o, const Model& m) {
  using R = Result<AppState>;
  AppState st = defaultState(m);
  auto filter = filterFromOptions(o, m);
  if (!filter) return R::fail(filter.error());
  const Filter whole_timeline = st.filter;
  st.filter = *filter;
  if (o.time.empty()) {  // without --time the window spans the whole timeline
    st.filter.month_from = whole_timeline.month_from;
    st.filter.month_to = whole_timeline.month_to;
  }
  st.timeline.include_undated = o.include_undated;
  syncUndated(st.filter, st.timeline.first_month, st.timeline.last_month, o.include_undated);
  auto lang = langFromOptions(o);
  if (!lang) return R::fail(lang.error());
  st.lang = *lang;
  if (!o.layers.empty()) {
    auto layers = parseLayers(o.layers, layerToggleIds());
    if (!layers) return R::fail(layers.error());
    st.layers = *layers;
  }
  if (!o.choropleth.empty()) {
    parseChoroplethMetric(o.choropleth, st.features.get<ChoroplethSettings>(ids::kChoropleth).metric);
    st.layers.set(ids::kChoropleth, true);
  }
  st.lifecycle = o.lifecycle;
  if (o.layout == "map") st.chrome = layout::Chrome::MapOnly;
  if (o.layout == "poster") st.chrome = layout::Chrome::Poster;
  st.aggregate = o.aggregate == "on" ? Aggregate::On : o.aggregate == "off" ? Aggregate::Off : Aggregate::Auto;
  if (!o.select.empty()) {
    for (size_t i = 0; i < m.projects.size(); ++i)
      if (m.projects.id[i] == o.select) st.selected = static_cast<int>(i);
    if (st.selected < 0) return R::fail("--select: no project with id '" + o.select + "' in " + withoutPassword(m.projects_file));
  }
  st.view.width = o.width;
  st.view.height = o.height;
  st.ui_scale_manual = static_cast<float>(o.ui_scale);
  st.present = o.present || o.layout == "present";
  st.ui_scale = st.ui_scale_manual > 0 ? st.ui_scale_manual : layout::autoScale(o.width, o.height, 1, st.present);
  if (!o.extent.empty()) {
    auto e = extentFromOptions(o, m.display_crs);
    if (!e) return R::fail(e.error());
    st.view.fit(*e);
  } else {
    fitHome(st);
  }
  return st;
}

}  // namespace cm
