#pragma once

#include <QString>

#include <optional>

namespace hearth::bench {

// One in-process figure: the median of the timed runs, or why it could not be measured.
struct ResultsFigure {
    std::optional<double> seconds;
    QString note;
};

// results_first_page: an encrypted store holding `observations` results (reports with their
// results, panels and standalone vitals, like a long GP record); the time from opening the results
// view-model to its first page (50 entries, well over 50 result rows) being ready.
ResultsFigure measureResultsFirstPage(int observations, int runs, bool warmUp);
// trend_500: in the same kind of store, a test with 500 results: time to find them through the
// code index and build the trend model (points, range band, accessible table texts).
ResultsFigure measureTrend500(int observations, int runs, bool warmUp);

} // namespace hearth::bench
