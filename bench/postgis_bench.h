// chainmap-bench --postgis-rows N (bench/postgis_bench.cpp): a registry left in PostGIS — an
// N-row table on a throwaway server, asked for bins at four zooms, rows under a cap and the
// statistics panel, under a few filters (data/postgis_source.h).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace cm {

// `pg_script`: tests/pg/pg_throwaway.sh.
nlohmann::json runPostgisBench(const std::string& data_dir, size_t rows, const std::string& pg_script);
void printPostgisTable(const nlohmann::json& r);

}  // namespace cm
