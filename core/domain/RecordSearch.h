#pragma once

#include "RecordTypes.h"

#include "common/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace hearth {

class ResourceStore;

// One entry found by a search. For a consultation note the entry to open is its Encounter
// (type/id), while matchType/matchId name the note whose words matched.
struct SearchHit {
    QString section;          // "problems", "medicines", "allergies", "immunisations", "results",
                              // "consultations" or "documents"
    QString type;             // FHIR type and id to open
    QString id;
    QString matchType;        // the resource whose text matched (the same as type/id unless a note)
    QString matchId;
    QString title;            // the entry's name; empty when it has none (the view words it)
    PartialDate date;
    bool viaNote = false;     // found through a consultation note
    // A short piece of the matching text around the first matched word, or empty when only the
    // title matched. highlight* mark that word inside the snippet (UTF-16 offsets).
    QString snippet;
    int highlightStart = -1;
    int highlightLength = 0;
};

struct SearchSectionHits {
    QString section;
    int count = 0;            // entries matched in this section (hits may hold fewer)
    QList<SearchHit> hits;    // newest first
};

struct SearchResults {
    QStringList words;                  // the folded words searched for, in order
    QList<SearchSectionHits> sections;  // only sections with matches, in record order

    int total() const;
    bool isEmpty() const { return sections.isEmpty(); }
};

// Whole-record search over the encrypted index (see ResourceStore::search): every word of the
// query must start a word of the entry (prefix match, AND across words), accents and case
// ignored. Entered-in-error entries are never found. Reads only the rows it shows.
class RecordSearch {
public:
    explicit RecordSearch(const ResourceStore &store);

    // limitPerSection: most hits kept per section (counts still cover every match).
    Result<SearchResults> query(const QString &text, int limitPerSection = 20) const;

    // The record sections, in the order a patient sees them.
    static QStringList sectionOrder();
    // Most words a query may use; more are ignored (each adds a range scan).
    static constexpr int kMaxWords = 8;

    // A short piece of `text` around the first place a word starts with one of `words` (folded);
    // empty if none. Exposed for tests.
    static QString snippet(const QString &text, const QStringList &words, int *highlightStart = nullptr,
                           int *highlightLength = nullptr);

private:
    SearchHit describe(SearchHit hit, const QString &matchDate, const QStringList &words) const;
    const ResourceStore &m_store;
};

} // namespace hearth
