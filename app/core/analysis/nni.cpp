#include "core/analysis/nni.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/analysis/enu_cloud.h"
#include "core/analysis/ground.h"
#include "geo/geodesic.h"
#include "geo/geos_ops.h"

namespace cm {

namespace {

// "−11.3": one decimal, a real minus sign, no "−0.0".
std::string signedFixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(v));
  const double shown = std::atof(buf);
  return (v < 0 && shown != 0 ? "\u2212" : "") + std::string(buf);
}

void describe(NniGroup& g) {
  const std::string en_name = g.all ? "The filtered projects" : std::string(info(g.ecosystem).en);
  const std::string zh_name = g.all ? "全部筛选项目" : std::string(info(g.ecosystem).zh);
  const char* verb = g.all ? " are " : " is ";
  if (g.pattern == NniPattern::TooFew) {
    g.sentence_en = en_name + ": too few projects (" + std::to_string(g.n) + ") for a nearest-neighbour index (at least 3)";
    g.sentence_zh = zh_name + "：项目过少（" + std::to_string(g.n) + "个），至少需要3个才能计算最近邻指数";
    return;
  }
  if (g.pattern == NniPattern::NoArea) {
    g.sentence_en = en_name + ": no study area (no districts selected) for a nearest-neighbour index";
    g.sentence_zh = zh_name + "：没有研究区域（未选区县），无法计算最近邻指数";
    return;
  }
  const char* en = "randomly distributed";
  const char* zh = "随机分布";
  switch (g.pattern) {
    case NniPattern::StronglyClustered: en = "strongly clustered"; zh = "高度集聚"; break;
    case NniPattern::Clustered: en = "clustered"; zh = "集聚"; break;
    case NniPattern::Dispersed: en = "dispersed"; zh = "分散分布"; break;
    case NniPattern::StronglyDispersed: en = "strongly dispersed"; zh = "高度分散"; break;
    default: break;
  }
  const std::string r = signedFixed(g.R, 2), z = signedFixed(g.z, 1);
  g.sentence_en = en_name + verb + en + ": R = " + r + ", z = " + z;
  g.sentence_zh = zh_name + zh + "：R = " + r + "，z = " + z;
}

}  // namespace

NniPattern classifyNni(double R, double p) {
  if (!std::isfinite(R) || !std::isfinite(p) || p >= kNniAlpha) return NniPattern::Random;
  if (R < 1) return R < kNniStrongClustered ? NniPattern::StronglyClustered : NniPattern::Clustered;
  if (R > 1) return R > kNniStrongDispersed ? NniPattern::StronglyDispersed : NniPattern::Dispersed;
  return NniPattern::Random;
}

void donnellyStatistics(NniGroup& g, const StudyArea& a) {
  if (g.n < 3) {
    g.pattern = NniPattern::TooFew;
    return;
  }
  if (!(a.area_m2 > 0)) {
    g.pattern = NniPattern::NoArea;
    return;
  }
  const double n = static_cast<double>(g.n), A = a.area_m2, P = std::max(0.0, a.perimeter_m);
  g.expected_mean_m = 0.5 * std::sqrt(A / n) + (0.0514 + 0.041 / std::sqrt(n)) * P / n;
  g.se_m = std::sqrt(0.0703 * A / (n * n) + 0.037 * P * std::sqrt(A / std::pow(n, 5)));
  g.R = g.observed_mean_m / g.expected_mean_m;
  g.z = (g.observed_mean_m - g.expected_mean_m) / g.se_m;
  g.p = std::erfc(std::fabs(g.z) / std::sqrt(2.0));
  g.pattern = classifyNni(g.R, g.p);
}

StudyArea studyArea(const Model& m, const Filter& f) {
  StudyArea a;
  std::vector<const MultiPolygon*> parts;
  for (size_t d = 0; d < m.districts.size(); ++d) {
    if (!f.districts.contains(static_cast<int>(d))) continue;
    const District& dist = m.districts[d];
    if (dist.ll.empty()) continue;
    a.area_m2 += 1e6 * (dist.area_km2 > 0 ? dist.area_km2 : geodesicAreaKm2(dist.ll));
    parts.push_back(&dist.ll);
  }
  if (!parts.empty()) {
    for (const LineString& ls : unionOutline(parts)) a.perimeter_m += 1000 * geodesicLengthKm(ls);
    return a;
  }
  if (!m.districts.empty()) return a;  // districts exist but none is admitted: no area
  // No districts at all: the box around the filtered projects.
  const Projects& p = m.projects;
  double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
  for (size_t i = 0; i < p.size(); ++i)
    if (passes(p, i, f)) {
      x0 = std::min(x0, p.x[i]); x1 = std::max(x1, p.x[i]);
      y0 = std::min(y0, p.y[i]); y1 = std::max(y1, p.y[i]);
    }
  if (x1 > x0 && y1 > y0) {
    const double s = groundScale(m);
    a.area_m2 = (x1 - x0) * (y1 - y0) * s * s;
    a.perimeter_m = 2 * ((x1 - x0) + (y1 - y0)) * s;
  }
  return a;
}

NniResult nearestNeighbourIndex(const Model& m, const Filter& f, TaskControl* ctl) {
  return nearestNeighbourIndex(m, f, studyArea(m, f), ctl);
}

NniResult nearestNeighbourIndex(const Model& m, const Filter& f, const StudyArea& area, TaskControl* ctl) {
  NniResult res;
  res.area = area;
  const Projects& P = m.projects;
  // Group members: all (index 0) and each admitted ecosystem (1 + id).
  std::array<std::vector<uint32_t>, kEcosystemCount + 1> members;
  const RowFilter pass(f);
  for (size_t i = 0; i < P.size(); ++i) {
    if (!pass(P, i) || !std::isfinite(P.lon[i]) || !std::isfinite(P.lat[i])) continue;
    members[0].push_back(static_cast<uint32_t>(i));
    members[1 + static_cast<int>(P.ecosystem[i])].push_back(static_cast<uint32_t>(i));
  }
  size_t total = 0, done = 0;
  for (const auto& g : members) total += g.size();

  std::vector<Enu> pts;
  for (int gi = 0; gi <= kEcosystemCount; ++gi) {
    NniGroup g;
    g.all = gi == 0;
    if (!g.all) {
      g.ecosystem = static_cast<Ecosystem>(gi - 1);
      if (!(f.ecosystems >> (gi - 1) & 1u)) continue;
    }
    std::vector<uint32_t>& rows = members[gi];
    sortSpatially(rows, P);
    g.n = static_cast<int64_t>(rows.size());
    if (g.n >= 3) {
      double mlon = 0, mlat = 0;
      for (uint32_t r : rows) { mlon += P.lon[r]; mlat += P.lat[r]; }
      const EnuFrame frame(mlon / g.n, mlat / g.n);
      pts.resize(rows.size());
      for (size_t k = 0; k < rows.size(); ++k) pts[k] = frame(P.lon[rows[k]], P.lat[rows[k]]);
      EnuCloud cloud{&pts};
      EnuTree tree(3, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16));
      tree.buildIndex();
      double sum = 0;
      uint32_t idx[2];
      double d2[2];
      for (size_t k = 0; k < pts.size(); ++k) {
        if (ctl && (k & 4095) == 0) {
          if (ctl->cancel.load(std::memory_order_relaxed)) {
            NniResult c;
            c.area = area;
            c.cancelled = true;
            return c;
          }
          ctl->progress.store(static_cast<float>(double(done + k) / std::max<size_t>(1, total)));
        }
        nanoflann::KNNResultSet<double, uint32_t> knn(2);
        knn.init(idx, d2);
        const double q[3] = {pts[k].e, pts[k].n, pts[k].u};
        tree.findNeighbors(knn, q, nanoflann::SearchParams());
        // The nearest is the point itself (or a duplicate at 0): the other of the two.
        sum += std::sqrt(idx[0] == k ? d2[1] : d2[0]);
      }
      g.observed_mean_m = sum / g.n;
    }
    done += rows.size();
    donnellyStatistics(g, area);
    describe(g);
    res.groups.push_back(std::move(g));
  }
  if (ctl) ctl->progress.store(1.f);
  return res;
}

}  // namespace cm
