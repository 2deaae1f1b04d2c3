#include "support/CatchQt.h"
#include "support/TestCache.h"

#include "SearchViewModel.h"
#include "fhir/SearchText.h"
#include "store/ResourceStore.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QDeadlineTimer>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

SearchResults sample()
{
    SearchResults r;
    r.words = {u"cough"_s};
    SearchSectionHits results{u"results"_s, 3, {}};
    SearchHit peak;
    peak.section = u"results"_s;
    peak.type = peak.matchType = u"Observation"_s;
    peak.id = peak.matchId = u"peak"_s;
    peak.title = u"Peak flow"_s;
    peak.date = PartialDate{QDate(2024, 4, 29), PartialDate::Precision::Day};
    peak.snippet = u"After the <cough> settled"_s;
    peak.highlightStart = 10;
    peak.highlightLength = 7;
    results.hits << peak;
    SearchSectionHits consultations{u"consultations"_s, 1, {}};
    SearchHit note;
    note.section = u"consultations"_s;
    note.type = u"Encounter"_s;
    note.id = u"enc1"_s;
    note.matchType = u"Observation"_s;
    note.matchId = u"note1"_s;
    note.viaNote = true;
    note.date = PartialDate{QDate(2024, 1, 1), PartialDate::Precision::Month};
    consultations.hits << note;
    r.sections << results << consultations;
    return r;
}

StoredResource noteResource()
{
    StoredResource r;
    r.type = u"Observation"_s;
    r.id = u"n1"_s;
    r.code = QString::fromLatin1(kCommentNoteCode);
    r.lastUpdated = u"2024-01-01T00:00:00Z"_s;
    r.effectiveDate = u"2024-03-02"_s;
    r.codeSystem = u"http://snomed.info/sct"_s;
    // The rebuild re-reads every column from the JSON, so the note's coding must be in it.
    r.json = R"({"resourceType":"Observation","id":"n1","code":{"coding":[{"system":"http://snomed.info/sct",
        "code":"37331000000100"}],"text":"Comment note"},"effectiveDateTime":"2024-03-02","valueString":"O/E wheeze on the left"})";
    return r;   // searchText left unset: indexed by the view-model's rebuild
}

// Runs the event loop until cond() holds or the time is up.
template <typename Cond>
bool waitFor(Cond cond, int ms = 2000)
{
    QDeadlineTimer deadline(ms);
    while (!cond() && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    return cond();
}

} // namespace

TEST_CASE("rows are grouped by section with counts, titles and dates in words", "[viewmodels][search]")
{
    SearchViewModel vm;
    QAbstractItemModelTester tester(&vm, QAbstractItemModelTester::FailureReportingMode::Fatal);
    vm.setResults(u"cough"_s, sample());
    CHECK(vm.status() == SearchViewModel::Content);
    REQUIRE(vm.rowCount() == 2);
    CHECK(vm.totalMatches() == 4);
    CHECK(vm.statusText() == u"4 results for “cough”"_s);
    const auto peak = vm.row(0);
    CHECK(peak.sectionTitle == u"Test results (3)"_s);
    CHECK(peak.title == u"Peak flow"_s);
    CHECK(peak.dateText == u"29 April 2024"_s);
    CHECK(peak.resourceType == u"Observation"_s);
    // Escaped, with only the match in bold.
    CHECK(peak.snippetStyled == u"After the <b>&lt;cough&gt;</b> settled"_s);
    CHECK(peak.accessibleText == u"Peak flow, 29 April 2024, matches: After the <cough> settled, Test results."_s);
    const auto note = vm.row(1);
    CHECK(note.sectionTitle == u"Consultations and events (1)"_s);
    CHECK(note.title == u"Consultation note"_s);   // no title: worded here
    CHECK(note.dateText == u"January 2024"_s);
    CHECK(note.resourceType == u"Encounter"_s);
    CHECK(note.resourceId == u"enc1"_s);
    CHECK(vm.data(vm.index(1), SearchViewModel::SectionRole).toString() == u"consultations"_s);
}

TEST_CASE("empty, no-results and error states", "[viewmodels][search]")
{
    SearchViewModel vm;
    CHECK(vm.status() == SearchViewModel::Idle);
    CHECK(vm.statusText().startsWith(u"Search your GP record"_s));
    vm.setResults(u"zzz"_s, SearchResults{});
    CHECK(vm.status() == SearchViewModel::NoResults);
    CHECK(vm.statusText().startsWith(u"No results for “zzz”"_s));
    vm.setResults(u"x"_s, Error::make(Error::Kind::Storage, u"disk I/O error"_s));
    CHECK(vm.status() == SearchViewModel::Error);
    CHECK_FALSE(vm.statusText().contains(u"disk"_s));   // never raw error text
    CHECK(vm.rowCount() == 0);
    // Without a record, searching says so instead of failing quietly.
    vm.setQuery(u"cough"_s);
    vm.searchNow();
    CHECK(vm.status() == SearchViewModel::Error);
    CHECK(vm.statusText().contains(u"not available on this device"_s));
}

TEST_CASE("typing is debounced; clearing the field goes back to idle", "[viewmodels][search]")
{
    test::TempCache c;
    REQUIRE(c.db);
    {
        ResourceStore store(c.db->database());
        REQUIRE(store.put(noteResource()).ok());
    }
    SearchViewModel vm;
    vm.setDebounceMs(30);
    vm.setDatabase(c.db.get());
    // The rebuild runs on the event loop: the unindexed note becomes findable.
    CHECK(waitFor([&] { return ResourceStore(c.db->database()).unindexedCount().value() == 0; }));

    vm.setQuery(u"whe"_s);
    vm.setQuery(u"whee"_s);
    CHECK(vm.status() == SearchViewModel::Searching);
    CHECK(vm.rowCount() == 0);
    CHECK(waitFor([&] { return vm.status() == SearchViewModel::Content; }));
    REQUIRE(vm.rowCount() == 1);
    CHECK(vm.row(0).section == u"consultations"_s);
    CHECK(vm.row(0).snippet == u"O/E wheeze on the left"_s);

    vm.setQuery(u"  "_s);
    CHECK(vm.status() == SearchViewModel::Idle);
    CHECK(vm.rowCount() == 0);
    vm.setDatabase(nullptr);
}
