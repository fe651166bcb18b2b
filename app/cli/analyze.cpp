#include "cli/analyze.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "core/analysis/dbscan.h"
#include "core/analysis/density.h"
#include "core/analysis/hulls.h"
#include "core/analysis/nni.h"
#include "data/analysis_export.h"
#include "data/park_boundaries.h"

namespace cm {
namespace {

using nlohmann::json;

json num(double v, int digits) {
  if (!std::isfinite(v)) return nullptr;
  const double s = std::pow(10.0, digits);
  return std::round(v * s) / s;
}

std::string ecoId(Ecosystem e) { return std::string(info(e).id); }

json ecoMap(const std::array<double, kEcosystemCount>& v) {
  json j = json::object();
  for (int e = 0; e < kEcosystemCount; ++e) j[ecoId(static_cast<Ecosystem>(e))] = num(v[static_cast<size_t>(e)], 4);
  return j;
}

json parkRef(const Model& m, int k) {
  return k >= 0 && static_cast<size_t>(k) < m.parks.size() ? json(m.parks[static_cast<size_t>(k)].id) : json(nullptr);
}

std::string lowerExt(const std::string& path) {
  std::string e = std::filesystem::path(path).extension().string();
  for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return e;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  for (std::string x; std::getline(ss, x, sep);)
    if (!x.empty()) out.push_back(x);
  return out;
}

json synthetic(const Model& m, json j) {
  if (m.projects_synthetic) {
    j["synthetic"] = true;
    j["data"] = "synthetic sample";
  }
  return j;
}

json multiPolygonJson(const MultiPolygon& mp) {
  json coords = json::array();
  for (const Polygon& p : mp) {
    json rings = json::array();
    for (const Ring& r : p.rings) {
      json ring = json::array();
      for (const Vec2& v : r) ring.push_back({num(v.x, 2), num(v.y, 2)});
      if (!r.empty() && !(r.front() == r.back())) ring.push_back({num(r.front().x, 2), num(r.front().y, 2)});
      rings.push_back(std::move(ring));
    }
    coords.push_back(std::move(rings));
  }
  return {{"type", "MultiPolygon"}, {"coordinates", coords}};
}

const char* patternId(NniPattern p) {
  switch (p) {
    case NniPattern::TooFew: return "too_few";
    case NniPattern::NoArea: return "no_area";
    case NniPattern::StronglyClustered: return "strongly_clustered";
    case NniPattern::Clustered: return "clustered";
    case NniPattern::Random: return "random";
    case NniPattern::Dispersed: return "dispersed";
    case NniPattern::StronglyDispersed: return "strongly_dispersed";
  }
  return "";
}

int fail(int code, const std::string& msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  return code;
}

void print(const Options& o, const json& j, const std::vector<std::string>& summary) {
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return;
  }
  for (const std::string& line : summary) std::cout << line << "\n";
}

std::string pct(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100 * share);
  return buf;
}

std::string km(double m) {
  if (!std::isfinite(m)) return "—";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f km", m / 1000);
  return buf;
}

// --analyze-out: the extension the analysis writes; exit 2 when it is the wrong one.
bool outExtensionOk(const Options& o, const char* want, const char* what) {
  if (o.analyze_out.empty()) return true;
  const std::string e = lowerExt(o.analyze_out);
  const bool ok = std::string(want) == ".tif" ? (e == ".tif" || e == ".tiff") : e == want;
  if (!ok) std::fprintf(stderr, "error: --analyze-out %s: --analyze %s writes %s\n", o.analyze_out.c_str(), o.analyze.c_str(), what);
  return ok;
}

int writeOut(const Options& o, const Model& m, const AnalysisLayers& layers) {
  auto r = writeAnalysisGpkg(o.analyze_out, m, layers);
  if (!r) return fail(1, r.error());
  std::string what;
  for (const auto& [name, n] : r->layers) what += (what.empty() ? "" : ", ") + name + " (" + std::to_string(n) + ")";
  std::fprintf(stderr, "%s: %s\n", o.analyze_out.c_str(), what.c_str());
  return 0;
}

// The common tail of an analysis: the summary (marked synthetic when the sample is), printed or
// as JSON, then the layers into --analyze-out when one was asked for.
int finish(const Options& o, const Model& m, const json& j, std::vector<std::string> summary, const AnalysisLayers& layers) {
  if (m.projects_synthetic) summary.push_back("(synthetic sample)");
  print(o, j, summary);
  if (o.analyze_out.empty()) return 0;
  return writeOut(o, m, layers);
}

// ---------------------------------------------------------------------------------------------

int runParks(const Options& o, const Model& m, const Filter& f, const ParkShapes& shapes) {
  if (!outExtensionOk(o, ".gpkg", "a GeoPackage (.gpkg)")) return 2;
  const ParkMembership mem = o.park_membership == "location" ? ParkMembership::Location : ParkMembership::Declared;
  const Conformance c = parkConformance(m, f, shapes, mem);
  const json j = conformanceJson(m, c, shapes, mem);
  std::vector<std::string> s;
  s.push_back(std::to_string(c.total) + " projects; " + std::to_string(c.in_parks) + " in parks (" + pct(c.in_parks_share) + "), " +
              std::to_string(c.matching) + " of those in a park of their own industry (" + pct(c.match_share) + "); " +
              std::to_string(c.outside.size()) + " outside every park");
  for (const ParkFigures& pf : c.parks) {
    if (!pf.count) continue;
    const Park& p = m.parks[static_cast<size_t>(pf.park)];
    char buf[256];
    std::snprintf(buf, sizeof buf, "  %-22s %4lld projects, %6.1f 亿, main industry %s: %5.1f %%, HHI %.2f", p.id.c_str(),
                  static_cast<long long>(pf.count), pf.investment_yi, std::string(info(p.main_ecosystem).id).c_str(), 100 * pf.match_share, pf.hhi);
    s.push_back(buf);
  }
  AnalysisLayers layers;
  layers.conformance = &c;
  layers.shapes = &shapes;
  return finish(o, m, j, std::move(s), layers);
}

int runChains(const Options& o, const Model& m, const Filter& f) {
  if (!outExtensionOk(o, ".gpkg", "a GeoPackage (.gpkg)")) return 2;
  const Projects& p = m.projects;
  int leader_row = -1;
  if (!o.leader.empty()) {
    const auto it = std::find(p.id.begin(), p.id.end(), o.leader);
    if (it == p.id.end()) return fail(2, "--leader: no project '" + o.leader + "' in the loaded projects");
    leader_row = static_cast<int>(it - p.id.begin());
  }
  const std::vector<ChainArc> arcs = leaderArcs(m, f, leader_row);
  std::vector<int> chains;
  bool members = false;
  if (!f.chains.isAll()) {
    for (size_t c = 0; c < p.chain_names.size(); ++c)
      if (f.chains.contains(static_cast<int>(c))) chains.push_back(static_cast<int>(c));
    members = true;
  } else if (leader_row >= 0) {
    chains.push_back(p.chain[static_cast<size_t>(leader_row)]);
    members = true;
  } else {
    std::vector<char> seen(p.chain_names.size(), 0);
    for (size_t i = 0; i < p.size(); ++i)
      if (p.chain[i] < seen.size() && passes(p, i, f)) seen[p.chain[i]] = 1;
    for (size_t c = 0; c < seen.size(); ++c)
      if (seen[c]) chains.push_back(static_cast<int>(c));
  }
  std::vector<ChainView> views;
  for (int c : chains) views.push_back(chainView(m, f, c));
  const json j = chainsJson(m, arcs, views, members, leader_row);
  std::vector<std::string> s;
  s.push_back(std::to_string(arcs.size()) + " leader→follower arcs" +
              (leader_row >= 0 ? " from " + p.id[static_cast<size_t>(leader_row)].str() + " (" + p.name_zh[static_cast<size_t>(leader_row)].str() + ")" : ""));
  for (const ChainView& v : views) {
    if (v.rows.empty()) continue;
    s.push_back("  " + p.chain_names[static_cast<size_t>(v.chain)] + ": " + std::to_string(v.rows.size()) + " projects, main park " +
                (v.main_park >= 0 ? m.parks[static_cast<size_t>(v.main_park)].id : std::string("—")) + ", median to leader " +
                km(v.median_to_leader_m) + ", to main park " + km(v.median_to_main_park_m));
  }
  AnalysisLayers layers;
  layers.arcs = &arcs;
  return finish(o, m, j, std::move(s), layers);
}

int runClusters(const Options& o, const Model& m, const Filter& f, const ParkShapes& shapes) {
  if (!outExtensionOk(o, ".gpkg", "a GeoPackage (.gpkg)")) return 2;
  DbscanParams dp;
  dp.eps_m = o.eps_m;
  dp.min_pts = o.min_pts;
  dp.by_ecosystem = o.by_ecosystem;
  const DbscanResult r = dbscan(m, f, dp);
  const std::vector<MultiPolygon> hulls = clusterHulls(m, r, false);
  const std::vector<ClusterPark> matches = matchClustersToParks(m, r, hulls, shapes);
  const std::vector<int> empty = parksWithoutTheirCluster(m, matches);
  const Projects& p = m.projects;
  json labels = json::object();
  std::vector<ClusterLabelRecord> label_rows;
  for (size_t i = 0; i < r.label.size() && i < p.size(); ++i) {
    if (r.label[i] == DbscanResult::kNotIncluded) continue;
    labels[p.id[i]] = r.label[i];
    label_rows.push_back({static_cast<uint32_t>(i), r.label[i]});
  }
  json clusters = json::array();
  std::vector<ClusterHullRecord> hull_rows;
  for (size_t c = 0; c < r.clusters.size(); ++c) {
    const DbscanCluster& cl = r.clusters[c];
    const ClusterPark* mp = c < matches.size() ? &matches[c] : nullptr;
    const MultiPolygon hull = c < hulls.size() ? hulls[c] : MultiPolygon{};
    clusters.push_back({{"id", cl.id},
                        {"count", cl.count},
                        {"investment_yi", num(cl.investment_yi, 2)},
                        {"ecosystem", ecoId(cl.ecosystem)},
                        {"centroid", {num(cl.centroid.x, 2), num(cl.centroid.y, 2)}},
                        {"hull", multiPolygonJson(hull)},
                        {"matched_park", parkRef(m, mp ? mp->park : -1)},
                        {"overlap_share", num(mp ? mp->overlap_share : 0.0, 4)},
                        {"same_industry", mp && mp->same_industry}});
    hull_rows.push_back({cl.id, cl.count, cl.investment_yi, cl.ecosystem, mp ? mp->park : -1, mp ? mp->overlap_share : 0.0,
                         mp && mp->same_industry, hull});
  }
  json without = json::array();
  for (int k : empty) without.push_back(m.parks[static_cast<size_t>(k)].id);
  const json j = synthetic(m, {{"analysis", "clusters"},
                               {"crs", m.display_crs},
                               {"eps_m", o.eps_m},
                               {"min_pts", o.min_pts},
                               {"by_ecosystem", o.by_ecosystem},
                               {"included", r.included},
                               {"noise", r.noise},
                               {"labels", labels},
                               {"clusters", clusters},
                               {"parks_without_their_cluster", without}});
  std::vector<std::string> s;
  s.push_back(std::to_string(r.clusters.size()) + " clusters (eps " + std::to_string(static_cast<int>(o.eps_m)) + " m, min " +
              std::to_string(o.min_pts) + "), " + std::to_string(r.noise) + " of " + std::to_string(r.included) + " projects are noise");
  for (size_t c = 0; c < r.clusters.size() && c < 10; ++c) {
    const DbscanCluster& cl = r.clusters[c];
    const int park = c < matches.size() ? matches[c].park : -1;
    s.push_back("  #" + std::to_string(cl.id) + " " + ecoId(cl.ecosystem) + ": " + std::to_string(cl.count) + " projects, park " +
                (park >= 0 ? m.parks[static_cast<size_t>(park)].id : std::string("none (emerging)")));
  }
  AnalysisLayers layers;
  layers.hulls = &hull_rows;
  layers.labels = &label_rows;
  return finish(o, m, j, std::move(s), layers);
}

int runDensity(const Options& o, const Model& m, const Filter& f) {
  if (!outExtensionOk(o, ".tif", "a GeoTIFF (.tif)")) return 2;
  DensityParams dp;
  dp.bandwidth_m = o.bandwidth_m;
  dp.weight_investment = o.weight == "investment";
  dp.cell_m = o.cell_m;
  Extent area = districtsExtent(m);
  if (!area.valid())
    for (size_t i = 0; i < m.projects.size(); ++i)
      if (passes(m.projects, i, f)) area.add({m.projects.x[i], m.projects.y[i]});
  if (!area.valid()) return fail(1, "--analyze density: no districts and too few projects to span an area");
  const DensityGrid g = kernelDensity(m, f, dp, area);
  int peak_c = 0, peak_r = 0;
  for (int r = 0; r < g.h; ++r)
    for (int c = 0; c < g.w; ++c)
      if (g.at(c, r) > g.at(peak_c, peak_r)) peak_c = c, peak_r = r;
  json breaks = json::array();
  for (float b : densityBreaks(g)) breaks.push_back(num(b, 6));
  const Vec2 pc = g.w > 0 && g.h > 0 ? g.cellCenter(peak_c, peak_r) : Vec2{};
  const json j = synthetic(m, {{"analysis", "density"},
                               {"crs", m.display_crs},
                               {"bandwidth_m", o.bandwidth_m},
                               {"weight", o.weight},
                               {"unit", dp.weight_investment ? "亿元/km²" : "projects/km²"},
                               {"x0", num(g.x0, 2)},
                               {"y0", num(g.y0, 2)},
                               {"cell", num(g.cell_m, 4)},
                               {"w", g.w},
                               {"h", g.h},
                               {"ground_scale", num(g.ground_scale, 6)},
                               {"total_weight", num(g.total_weight, 4)},
                               {"outside_weight", num(g.outside_weight, 4)},
                               {"points", g.points},
                               {"max_value", num(g.max_value, 6)},
                               {"peak", {{"x", num(pc.x, 2)}, {"y", num(pc.y, 2)}, {"value", num(g.w > 0 ? g.at(peak_c, peak_r) : 0.f, 6)}}},
                               {"breaks", breaks}});
  char buf[256];
  std::snprintf(buf, sizeof buf, "density of %lld projects on a %dx%d grid (cell %.0f), peak %.3f %s at (%.0f, %.0f)",
                static_cast<long long>(g.points), g.w, g.h, g.cell_m, g.max_value, dp.weight_investment ? "亿元/km²" : "projects/km²", pc.x, pc.y);
  print(o, j, {buf});
  if (o.analyze_out.empty()) return 0;
  auto ok = writeDensityGeoTiff(o.analyze_out, g.x0, g.y0, g.cell_m, g.w, g.h, g.value, m.display_crs);
  if (!ok) return fail(1, ok.error());
  std::fprintf(stderr, "%s: density %dx%d\n", o.analyze_out.c_str(), g.w, g.h);
  return 0;
}

int runNni(const Options& o, const Model& m, const Filter& f) {
  if (!o.analyze_out.empty()) return fail(2, "--analyze-out: --analyze nni has no layers to write");
  const NniResult r = nearestNeighbourIndex(m, f);
  json groups = json::array();
  std::vector<std::string> s;
  for (const NniGroup& g : r.groups) {
    groups.push_back({{"group", g.all ? std::string("all") : ecoId(g.ecosystem)},
                      {"n", g.n},
                      {"observed_mean_m", num(g.observed_mean_m, 1)},
                      {"expected_mean_m", num(g.expected_mean_m, 1)},
                      {"se_m", num(g.se_m, 2)},
                      {"R", num(g.R, 4)},
                      {"z", num(g.z, 3)},
                      {"p", num(g.p, 6)},
                      {"pattern", patternId(g.pattern)},
                      {"sentence_en", g.sentence_en},
                      {"sentence_zh", g.sentence_zh}});
    s.push_back((g.all ? std::string("all") : ecoId(g.ecosystem)) + ": " + (o.lang == "en" ? g.sentence_en : g.sentence_zh));
  }
  const json j = synthetic(m, {{"analysis", "nni"},
                               {"area_km2", num(r.area.area_m2 / 1e6, 2)},
                               {"perimeter_km", num(r.area.perimeter_m / 1e3, 2)},
                               {"groups", groups}});
  print(o, j, s);
  return 0;
}

}  // namespace

Result<ParkShapes> parkShapesFromOptions(const Options& o, const Model& m, std::vector<std::string>& notes, bool& bad_flag) {
  using R = Result<ParkShapes>;
  bad_flag = false;
  ParkShapes s;
  s.radius_km.assign(m.parks.size(), 0.0);
  for (const std::string& item : split(o.park_radius, ',')) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos) {
      bad_flag = true;
      return R::fail("--park-radius: expected ID=KM, got '" + item + "'");
    }
    const std::string id = item.substr(0, eq), v = item.substr(eq + 1);
    int k = -1;
    for (size_t i = 0; i < m.parks.size(); ++i)
      if (m.parks[i].id == id) k = static_cast<int>(i);
    if (k < 0) {
      bad_flag = true;
      return R::fail("--park-radius: no park '" + id + "' (park ids are those of parks.csv, e.g. la_qingshanhu)");
    }
    char* end = nullptr;
    const double r = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end || !(r > 0) || r > 100) {
      bad_flag = true;
      return R::fail("--park-radius: '" + v + "' for " + id + " is not a radius in km (0 < KM <= 100)");
    }
    s.radius_km[static_cast<size_t>(k)] = r;
  }
  if (!o.park_boundaries.empty()) {
    auto b = loadParkBoundaries(o.park_boundaries, m, o.park_boundaries_layer);
    if (!b) return R::fail(b.error());
    for (const std::string& line : b->report()) notes.push_back(o.park_boundaries + ": " + line);
    s.polygons = std::move(b->polygons);
  }
  return s;
}

json conformanceJson(const Model& m, const Conformance& c, const ParkShapes& shapes, ParkMembership membership) {
  const Projects& p = m.projects;
  json radii = json::object(), polys = json::array();
  for (size_t k = 0; k < m.parks.size(); ++k) {
    if (k < shapes.radius_km.size() && shapes.radius_km[k] > 0) radii[m.parks[k].id] = shapes.radius_km[k];
    if (k < shapes.polygons.size() && !shapes.polygons[k].empty()) polys.push_back(m.parks[k].id);
  }
  json parks = json::array();
  for (const ParkFigures& pf : c.parks) {
    const size_t k = static_cast<size_t>(pf.park);
    const Park& park = m.parks[k];
    const bool poly = k < shapes.polygons.size() && !shapes.polygons[k].empty();
    json mism = json::array();
    for (uint32_t i : pf.mismatched) mism.push_back(p.id[i]);
    parks.push_back({{"id", park.id},
                     {"name_zh", park.name_zh},
                     {"name_en", park.name_en},
                     {"main_ecosystem", ecoId(park.main_ecosystem)},
                     {"radius_km", k < shapes.radius_km.size() && shapes.radius_km[k] > 0 ? shapes.radius_km[k] : park.radius_km},
                     {"boundary", poly ? "polygon" : "circle"},
                     {"count", pf.count},
                     {"investment_yi", num(pf.investment_yi, 2)},
                     {"matching", pf.matching},
                     {"match_share", num(pf.match_share, 4)},
                     {"hhi", num(pf.hhi, 4)},
                     {"lq", ecoMap(pf.lq)},
                     {"mismatched", mism}});
  }
  json districts = json::array();
  for (const AreaFigures& a : c.districts) {
    const District& d = m.districts[static_cast<size_t>(a.district)];
    districts.push_back({{"adcode", d.adcode},
                         {"name_zh", d.name_zh},
                         {"name_en", d.name_en},
                         {"area_km2", num(d.area_km2, 2)},
                         {"count", a.count},
                         {"investment_yi", num(a.investment_yi, 2)},
                         {"in_parks", a.in_parks},
                         {"match_share", num(a.match_share, 4)},
                         {"per_km2_count", num(a.per_km2_count, 6)},
                         {"per_km2_investment", num(a.per_km2_investment, 6)}});
  }
  json outside = json::array();
  for (const OutsideProject& o : c.outside)
    outside.push_back({{"id", p.id[o.row]},
                       {"ecosystem", ecoId(p.ecosystem[o.row])},
                       {"investment_yi", num(p.investment_yi[o.row], 2)},
                       {"nearest_park", parkRef(m, o.nearest_park)},
                       {"nearest_m", num(o.nearest_m, 1)},
                       {"suggested_park", parkRef(m, o.suggested_park)},
                       {"suggested_m", o.suggested_park >= 0 ? num(o.suggested_m, 1) : json(nullptr)}});
  return synthetic(m, {{"analysis", "parks"},
                       {"crs", m.display_crs},
                       {"membership", membership == ParkMembership::Location ? "location" : "declared"},
                       {"shapes", {{"radius_km", radii}, {"polygons", polys}}},
                       {"total", c.total},
                       {"in_parks", c.in_parks},
                       {"in_parks_share", num(c.in_parks_share, 4)},
                       {"matching", c.matching},
                       {"match_share", num(c.match_share, 4)},
                       {"outside_lq", ecoMap(c.outside_lq)},
                       {"parks", parks},
                       {"districts", districts},
                       {"outside", outside}});
}

json chainsJson(const Model& m, const std::vector<ChainArc>& arcs, const std::vector<ChainView>& views, bool members, int leader_row) {
  const Projects& p = m.projects;
  auto chainName = [&](size_t i) { return p.chain[i] < p.chain_names.size() ? p.chain_names[p.chain[i]] : std::string(); };
  json ja = json::array();
  json by_role = {{"upstream", 0}, {"midstream", 0}, {"downstream", 0}, {"unknown", 0}};
  for (const ChainArc& a : arcs) {
    const std::string role = chainRoleId(a.role);
    ja.push_back({{"leader", p.id[a.leader]},
                  {"follower", p.id[a.follower]},
                  {"chain", chainName(a.follower)},
                  {"role", role},
                  {"distance_m", num(a.distance_m, 1)}});
    by_role[role.empty() ? "unknown" : role] = by_role[role.empty() ? "unknown" : role].get<int>() + 1;
  }
  json jv = json::array();
  for (const ChainView& v : views) {
    json view = {{"chain", v.chain >= 0 && static_cast<size_t>(v.chain) < p.chain_names.size() ? p.chain_names[static_cast<size_t>(v.chain)] : ""},
                 {"main_park", parkRef(m, v.main_park)},
                 {"count", v.rows.size()},
                 {"leaders", v.leaders},
                 {"followers", v.followers},
                 {"median_to_leader_m", num(v.median_to_leader_m, 1)},
                 {"median_to_main_park_m", num(v.median_to_main_park_m, 1)}};
    if (members) {
      json mem = json::array();
      for (size_t k = 0; k < v.rows.size(); ++k) {
        const uint32_t i = v.rows[k];
        const int32_t l = p.leader_index[i];
        mem.push_back({{"id", p.id[i]},
                       {"role", chainRoleId(p.chainRoleAt(i))},
                       {"chain_leader", p.chain_leader[i] != 0},
                       {"leader", l >= 0 && static_cast<size_t>(l) < p.size() ? json(p.id[static_cast<size_t>(l)]) : json(nullptr)},
                       {"to_leader_m", num(v.to_leader_m[k], 1)},
                       {"to_main_park_m", num(v.to_main_park_m[k], 1)}});
      }
      view["members"] = mem;
    }
    jv.push_back(std::move(view));
  }
  json j = {{"analysis", "chains"}, {"arcs", ja}, {"arcs_by_role", by_role}, {"chains", jv}};
  if (leader_row >= 0) {
    const size_t l = static_cast<size_t>(leader_row);
    int64_t followers = 0;
    for (size_t i = 0; i < p.size(); ++i) followers += p.leader_index[i] == leader_row;
    j["leader"] = {{"id", p.id[l]}, {"name_zh", p.name_zh[l]}, {"name_en", p.name_en[l]}, {"chain", chainName(l)},
                   {"chain_leader", p.chain_leader[l] != 0}, {"followers", followers}};
  }
  return synthetic(m, j);
}

int runAnalysis(const Options& o, const Model& m, const Filter& f) {
  // Each analysis flag belongs to some analyses only.
  static const std::pair<const char*, std::vector<std::string>> kFlags[] = {
      {"--eps", {"clusters"}},           {"--min-pts", {"clusters"}},          {"--by-ecosystem", {"clusters"}},
      {"--bandwidth", {"density"}},      {"--weight", {"density"}},            {"--cell", {"density"}},
      {"--park-radius", {"parks", "clusters"}}, {"--park-boundaries", {"parks", "clusters"}},
      {"--park-boundaries-layer", {"parks", "clusters"}}, {"--park-membership", {"parks"}}, {"--leader", {"chains"}}};
  for (const std::string& given : o.analysis_flags)
    for (const auto& [flag, kinds] : kFlags)
      if (given == flag && std::find(kinds.begin(), kinds.end(), o.analyze) == kinds.end()) {
        std::string which;
        for (const std::string& k : kinds) which += (which.empty() ? "" : " or ") + k;
        return fail(2, given + ": only with --analyze " + which);
      }
  if (m.projects.size() == 0) return fail(1, "no projects loaded");
  if (o.analyze == "parks" || o.analyze == "clusters") {
    std::vector<std::string> notes;
    bool bad = false;
    auto shapes = parkShapesFromOptions(o, m, notes, bad);
    if (!shapes) return fail(bad ? 2 : 1, shapes.error());
    for (const std::string& n : notes) std::fprintf(stderr, "%s\n", n.c_str());
    return o.analyze == "parks" ? runParks(o, m, f, *shapes) : runClusters(o, m, f, *shapes);
  }
  if (o.analyze == "chains") return runChains(o, m, f);
  if (o.analyze == "density") return runDensity(o, m, f);
  if (o.analyze == "nni") return runNni(o, m, f);
  return fail(2, "--analyze: unknown analysis '" + o.analyze + "'");
}

}  // namespace cm
