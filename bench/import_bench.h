// chainmap-bench --import-rows N (bench/import_bench.cpp): rows per second for each table form.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace cm {

// `pg_script`: tests/pg/pg_throwaway.sh ("" skips PostGIS).
nlohmann::json runImportBench(const std::string& data_dir, size_t rows, const std::string& pg_script);
void printImportTable(const nlohmann::json& r);

}  // namespace cm
