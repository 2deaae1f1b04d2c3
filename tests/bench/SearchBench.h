#pragma once

#include <QString>
#include <QStringList>

namespace hearth::bench {

// The `search` figure: whole-record search (RecordSearch::query, as the search screen runs it:
// up to 20 hits per section with titles and snippets) over the profile the first sync left.
struct SearchFigure {
    double seconds = 0;          // the slowest query's median
    QStringList perQuery;        // "word: 12.3 ms (n hits)" for the note
    qint64 resources = 0;
    QString error;               // empty on success
};

// Opens <profileDir>'s self patient database through the OS keystore (run under with-keyring.sh),
// then times each typical query `runs` times after a warm-up.
SearchFigure measureSearch(const QString &profileDir, int runs, bool warmUp);

} // namespace hearth::bench
