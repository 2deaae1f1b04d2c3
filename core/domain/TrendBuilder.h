#pragma once

#include "ResultsTypes.h"

namespace hearth::trend {

// Codes that mark a blood pressure panel and its two lines.
bool isBloodPressure(const QList<ResultCoding> &codes);
bool isSystolic(const QList<ResultCoding> &codes);
bool isDiastolic(const QList<ResultCoding> &codes);
// LOINC and SNOMED codings of a result: the codes a series is grouped by (never display text).
QList<ResultCoding> seriesCodes(const QList<ResultCoding> &codes);

// Builds one series from observations of the same test (any order). Pure: no store, no words.
// The series unit is the newest numeric result's unit; others join only through an exact
// conversion (TrendUnits), the rest are counted in `separate` with the reason.
TrendSeries buildSeries(const QList<ObservationResult> &observations);

} // namespace hearth::trend
