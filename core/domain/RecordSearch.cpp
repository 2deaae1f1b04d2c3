#include "RecordSearch.h"

#include "fhir/SearchText.h"
#include "store/ResourceStore.h"
#include "store/SearchTokenizer.h"

#include <QHash>
#include <QSet>

namespace hearth {
namespace {

// Characters of context kept before and after the matched word in a snippet.
constexpr int kBefore = 40;
constexpr int kAfter = 90;

struct TypeSection {
    const char *type;
    const char *section;
};

// Which section each searchable type belongs to. Consultation notes (Observation with the
// Comment note code) are moved to "consultations" in sectionFor().
constexpr TypeSection kTypeSections[] = {
    {"Condition", "problems"},
    {"MedicationRequest", "medicines"},
    {"MedicationStatement", "medicines"},
    {"AllergyIntolerance", "allergies"},
    {"Immunization", "immunisations"},
    {"Observation", "results"},
    {"DiagnosticReport", "results"},
    {"Encounter", "consultations"},
    {"DocumentReference", "documents"},
};

QString sectionFor(const QString &type, const QString &code)
{
    if (type == QLatin1String("Observation") && code == QLatin1String(kCommentNoteCode))
        return QStringLiteral("consultations");
    for (const auto &ts : kTypeSections)
        if (type == QLatin1String(ts.type))
            return QString::fromLatin1(ts.section);
    return {};
}

QStringList searchableTypes()
{
    QStringList types;
    for (const auto &ts : kTypeSections)
        types << QString::fromLatin1(ts.type);
    return types;
}

// A hit waiting for its title and snippet; only the ones shown get that far.
struct Pending {
    SearchHit hit;
    QString matchedDate;
    QByteArray matchJson;   // already read for notes
};

} // namespace

int SearchResults::total() const
{
    int n = 0;
    for (const auto &s : sections)
        n += s.count;
    return n;
}

RecordSearch::RecordSearch(const ResourceStore &store) : m_store(store) {}

QStringList RecordSearch::sectionOrder()
{
    return {QStringLiteral("problems"),      QStringLiteral("medicines"), QStringLiteral("allergies"),
            QStringLiteral("immunisations"), QStringLiteral("results"),   QStringLiteral("consultations"),
            QStringLiteral("documents")};
}

QString RecordSearch::snippet(const QString &text, const QStringList &words, int *highlightStart,
                              int *highlightLength)
{
    if (highlightStart)
        *highlightStart = -1;
    if (highlightLength)
        *highlightLength = 0;
    QList<int> origin;
    const QString folded = SearchTokenizer::fold(text, &origin);
    qsizetype best = -1;
    qsizetype bestLength = 0;
    for (const QString &word : words) {
        if (word.isEmpty())
            continue;
        qsizetype from = 0;
        while ((from = folded.indexOf(word, from)) >= 0) {
            if (from == 0 || !folded[from - 1].isLetterOrNumber()) {
                if (best < 0 || from < best) {
                    best = from;
                    bestLength = word.size();
                }
                break;
            }
            ++from;
        }
    }
    if (best < 0)
        return {};
    // Back to the original text: the matched word runs to the end of its word there.
    const int start = origin[best];
    int end = origin[best + bestLength - 1] + 1;
    while (end < text.size() && text[end].isLetterOrNumber())
        ++end;

    int from = qMax(0, start - kBefore);
    if (from > 0) {
        const int space = int(text.indexOf(u' ', from));
        if (space >= 0 && space < start)
            from = space + 1;
    }
    int to = qMin(int(text.size()), end + kAfter);
    if (to < text.size()) {
        const int space = int(text.lastIndexOf(u' ', to));
        if (space > end)
            to = space;
    }
    QString out = text.mid(from, to - from).simplified();
    // simplified() may shift the word: find it again in the cleaned text.
    const QString word = text.mid(start, end - start).simplified();
    const QString lead = from > 0 ? QStringLiteral("… ") : QString();
    const QString tail = to < text.size() ? QStringLiteral(" …") : QString();
    const qsizetype at = out.indexOf(word);
    out = lead + out + tail;
    if (at >= 0 && highlightStart && highlightLength) {
        *highlightStart = int(lead.size() + at);
        *highlightLength = int(word.size());
    }
    return out;
}

Result<SearchResults> RecordSearch::query(const QString &text, int limitPerSection) const
{
    SearchResults results;
    results.words = SearchTokenizer::queryWords(text).mid(0, kMaxWords);
    if (results.words.isEmpty())
        return results;
    auto matches = m_store.search(results.words, searchableTypes(), QString::fromLatin1(kCommentNoteCode));
    if (!matches)
        return matches.error();

    // Group newest first; one hit per entry to open (several notes of one consultation = one hit).
    QHash<QString, SearchSectionHits> bySection;
    QHash<QString, QList<Pending>> pending;
    QSet<QString> seen;
    for (const SearchMatch &m : std::as_const(matches.value())) {
        const QString section = sectionFor(m.type, m.code);
        if (section.isEmpty())
            continue;
        SearchHit hit;
        hit.section = section;
        hit.type = m.type;
        hit.id = m.id;
        hit.matchType = m.type;
        hit.matchId = m.id;
        if (!m.json.isEmpty()) {   // a consultation note: open its consultation
            hit.viaNote = true;
            auto doc = SearchTextExtractor::fromJson(m.json);
            if (doc && !doc->encounterId.isEmpty()) {
                hit.type = QStringLiteral("Encounter");
                hit.id = doc->encounterId;
            }
        }
        const QString key = section + u'|' + hit.type + u'|' + hit.id;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        SearchSectionHits &group = bySection[section];
        group.section = section;
        ++group.count;
        QList<Pending> &list = pending[section];
        if (list.size() < qMax(limitPerSection, 0))
            list.append(Pending{hit, m.effectiveDate, m.json});
    }

    for (const QString &section : sectionOrder()) {
        if (!bySection.contains(section))
            continue;
        SearchSectionHits group = bySection.value(section);
        for (Pending &p : pending[section]) {
            SearchHit hit = p.hit;
            QString date = p.matchedDate;
            // The matched entry's own text gives the snippet.
            QByteArray matchJson = p.matchJson;
            if (matchJson.isEmpty()) {
                auto stored = m_store.get(hit.matchType, hit.matchId);
                if (stored && stored->has_value())
                    matchJson = (*stored)->json;
            }
            SearchDocument matchDoc;
            if (auto doc = SearchTextExtractor::fromJson(matchJson))
                matchDoc = doc.value();
            hit.title = matchDoc.title;
            if (hit.type != hit.matchType || hit.id != hit.matchId) {
                // A note's consultation: its name and date; if it is not stored, show the note.
                auto target = m_store.get(hit.type, hit.id);
                if (target && target->has_value()) {
                    if (auto doc = SearchTextExtractor::fromJson((*target)->json))
                        hit.title = doc->title;
                    if (!(*target)->effectiveDate.isEmpty())
                        date = (*target)->effectiveDate;
                } else {
                    hit.type = hit.matchType;
                    hit.id = hit.matchId;
                    hit.title.clear();
                }
            }
            hit.date = PartialDate::fromFhir(date);
            for (const QString &fragment : std::as_const(matchDoc.texts)) {
                if (fragment == matchDoc.title && !hit.viaNote)
                    continue;   // the title is shown anyway
                int start = -1, length = 0;
                const QString piece = snippet(fragment, results.words, &start, &length);
                if (!piece.isEmpty()) {
                    hit.snippet = piece;
                    hit.highlightStart = start;
                    hit.highlightLength = length;
                    break;
                }
            }
            group.hits.append(hit);
        }
        results.sections.append(group);
    }
    return results;
}

} // namespace hearth
