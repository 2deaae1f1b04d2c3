#include "RecordSearch.h"

#include "SectionTypes.h"

#include "fhir/SearchText.h"
#include "store/ResourceStore.h"
#include "store/SearchTokenizer.h"

#include <QSet>

#include <optional>

namespace hearth {
namespace {

// Characters of context kept before and after the matched word in a snippet.
constexpr int kBefore = 40;
constexpr int kAfter = 90;

struct SectionDef {
    QString name;
    SearchFilter filter;
};

// What each record section searches. Consultation notes (Observations with the Comment note
// code) belong to consultations, counted and shown as their consultation; they are not results.
const QList<SectionDef> &sectionDefs()
{
    static const QList<SectionDef> defs = [] {
        const QString note = QString::fromLatin1(kCommentNoteCode);
        const QString obs = QStringLiteral("Observation");
        auto plain = [](const char *name, QStringList types) {
            SearchFilter f;
            f.types = std::move(types);
            return SectionDef{QString::fromLatin1(name), f};
        };
        SectionDef results = plain("results", {obs, QStringLiteral("DiagnosticReport")});
        results.filter.codedType = obs;
        results.filter.code = note;
        results.filter.keepCode = false;
        SectionDef consultations = plain("consultations", {QStringLiteral("Encounter"), obs});
        consultations.filter.codedType = obs;
        consultations.filter.code = note;
        consultations.filter.keepCode = true;
        consultations.filter.asEncounter = true;
        return QList<SectionDef>{
            plain("problems", {QStringLiteral("Condition")}),
            plain("medicines", {QStringLiteral("MedicationRequest"), QStringLiteral("MedicationStatement")}),
            plain("allergies", {QStringLiteral("AllergyIntolerance")}),
            plain("immunisations", {QStringLiteral("Immunization")}),
            results,
            consultations,
            plain("documents", {QStringLiteral("DocumentReference")}),
        };
    }();
    return defs;
}

std::optional<StoredResource> load(const ResourceStore &store, const QString &type, const QString &id)
{
    auto r = store.get(type, id);
    if (!r || !r->has_value())
        return std::nullopt;
    return **r;
}

SearchDocument documentOf(const std::optional<StoredResource> &r)
{
    if (!r)
        return {};
    auto doc = SearchTextExtractor::fromJson(r->json);
    return doc ? doc.value() : SearchDocument{};
}

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
    QStringList names;
    for (const SectionDef &d : sectionDefs())
        names << d.name;
    return names;
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

// Per section: one count and one page of the newest matches, both answered from the covering
// index; only the hits shown are read and parsed (for their title and snippet).
Result<SearchResults> RecordSearch::query(const QString &text, int limitPerSection) const
{
    SearchResults results;
    results.words = SearchTokenizer::queryWords(text).mid(0, kMaxWords);
    if (results.words.isEmpty() || limitPerSection <= 0)
        return results;
    for (const SectionDef &def : sectionDefs()) {
        auto count = m_store.searchCount(results.words, def.filter);
        if (!count)
            return count.error();
        if (*count == 0)
            continue;
        SearchSectionHits group;
        group.section = def.name;
        group.count = int(*count);
        QSet<QString> seen;
        // Several notes of one consultation collapse into one hit, so a page may fill fewer
        // hits than rows: read on until the section is full or has no more matches.
        const int page = limitPerSection * 2;
        for (int offset = 0; group.hits.size() < limitPerSection; offset += page) {
            auto rows = m_store.search(results.words, def.filter, page, offset);
            if (!rows)
                return rows.error();
            for (const SearchMatch &m : std::as_const(rows.value())) {
                if (group.hits.size() >= limitPerSection)
                    break;
                SearchHit hit;
                hit.section = def.name;
                hit.type = hit.matchType = m.type;
                hit.id = hit.matchId = m.id;
                hit.viaNote = def.filter.asEncounter && m.type == def.filter.codedType;
                if (hit.viaNote && !m.encounterId.isEmpty()) {
                    hit.type = QStringLiteral("Encounter");
                    hit.id = m.encounterId;
                }
                const QString key = hit.type + u'|' + hit.id;
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                group.hits.append(describe(hit, m.effectiveDate, results.words));
            }
            if (rows->size() < page)
                break;
        }
        results.sections.append(group);
    }
    return results;
}

// Title, date and snippet of one hit. A note's consultation gives the title and date; if that
// consultation is not stored, the note itself is shown.
SearchHit RecordSearch::describe(SearchHit hit, const QString &matchDate, const QStringList &words) const
{
    const auto matched = load(m_store, hit.matchType, hit.matchId);
    const SearchDocument matchDoc = documentOf(matched);
    hit.title = matchDoc.title;
    QString date = matchDate;
    if (hit.type != hit.matchType || hit.id != hit.matchId) {
        const auto target = load(m_store, hit.type, hit.id);
        if (target) {
            hit.title = documentOf(target).title;
            if (!target->effectiveDate.isEmpty())
                date = target->effectiveDate;
        } else {
            hit.type = hit.matchType;
            hit.id = hit.matchId;
            hit.title.clear();
        }
    }
    // The same local-time reading as the sections: 23:30Z on 3 May is 4 May in London in summer.
    hit.date = RecordDate::fromFhir(date).date;
    for (const QString &fragment : matchDoc.texts) {
        if (fragment == matchDoc.title && !hit.viaNote)
            continue;   // the title is shown anyway
        int start = -1, length = 0;
        const QString piece = snippet(fragment, words, &start, &length);
        if (!piece.isEmpty()) {
            hit.snippet = piece;
            hit.highlightStart = start;
            hit.highlightLength = length;
            break;
        }
    }
    return hit;
}

} // namespace hearth
