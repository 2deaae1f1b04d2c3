// The plain-English glossary: the bundled file (validity, tone), the validator, term spotting.
#include "Glossary.h"

#include "support/CatchQt.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>

using namespace hearth;
using namespace Qt::Literals::StringLiterals;

namespace {

const Glossary &bundled()
{
    static const Glossary glossary = [] {
        auto loaded = Glossary::fromFile(QStringLiteral(GLOSSARY_JSON));
        if (!loaded)
            FAIL("bundled glossary did not load: " << loaded.error().message.toStdString());
        return std::move(loaded).value();
    }();
    return glossary;
}

// The keys found in `text`, in order.
QStringList spottedKeys(const Glossary &g, const QString &text)
{
    QStringList keys;
    for (const GlossaryMatch &m : g.spot(text))
        keys << g.entries()[size_t(m.entry)].key;
    return keys;
}

QStringList spottedText(const Glossary &g, const QString &text)
{
    QStringList out;
    for (const GlossaryMatch &m : g.spot(text))
        out << text.mid(m.start, m.length);
    return out;
}

QJsonObject entryJson(const QString &key, const QString &term)
{
    return QJsonObject{{u"key"_s, key}, {u"term"_s, term}, {u"category"_s, u"abbreviation"_s},
                       {u"means"_s, u"A meaning."_s}, {u"usually"_s, u"What it usually means."_s}};
}

QByteArray fileWith(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{u"format"_s, 1}, {u"entries"_s, entries}}).toJson();
}

} // namespace

TEST_CASE("the bundled glossary is valid, big enough and complete")
{
    const Glossary &g = bundled();
    CHECK(g.entries().size() >= 200);
    QSet<QString> keys;
    for (const GlossaryEntry &e : g.entries()) {
        INFO(e.key.toStdString());
        CHECK(!keys.contains(e.key));
        keys.insert(e.key);
        CHECK(!e.term.isEmpty());
        CHECK(!e.means.isEmpty());
        CHECK(!e.usually.isEmpty());
        CHECK(Glossary::categories().contains(e.category));
        CHECK(e.means.size() <= Glossary::maxMeansLength);
        CHECK(e.usually.size() <= Glossary::maxUsuallyLength);
    }
    // The terms the issue names: each must be found as a GP would write it.
    const QStringList required = {u"HbA1c"_s, u"eGFR"_s, u"FBC"_s, u"U&E"_s, u"LFT"_s, u"TSH"_s, u"O/E"_s, u"c/o"_s, u"NAD"_s, u"F/U"_s,
                                  u"Hx"_s, u"SOB"_s, u"PMH"_s, u"Rx"_s, u"TCI"_s, u"2/52"_s, u"5/7"_s, u"BP"_s, u"BMI"_s, u"URTI"_s, u"UTI"_s,
                                  u"ECG"_s, u"DNA"_s, u"PRN"_s, u"OD"_s, u"BD"_s, u"TDS"_s, u"QDS"_s, u"mane"_s, u"nocte"_s, u"NKDA"_s,
                                  u"MenB"_s, u"PCV"_s, u"Hib"_s, u"ALT"_s, u"ALP"_s, u"CRP"_s, u"ESR"_s, u"INR"_s, u"LDL"_s, u"HDL"_s,
                                  u"mmol/L"_s};
    for (const QString &term : required) {
        INFO(term.toStdString());
        CHECK(g.lookup(term) != nullptr);
        CHECK(spottedText(g, term) == QStringList{term});
    }
    CHECK(g.lookup(u"DNA")->key == QLatin1String("dna"));
    CHECK(g.lookup(u"DNA")->means.contains(QLatin1String("Did not attend")));
}

TEST_CASE("the bundled glossary keeps to the tone rules")
{
    // Never a diagnosis, never alarming; UK spelling in the prose.
    static const QRegularExpression banned(
            QStringLiteral("you have|cancer|dangerous|!|fatal|tumour|malignan|\\bdie\\b|\\bdeath\\b"),
            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression americanSpelling(
            QStringLiteral("\\b(color|center|anemia|hemoglobin|fiber|pediatric|esophag|fetus|liter|organiz|behavior)"),
            QRegularExpression::CaseInsensitiveOption);
    int tests = 0, testsWithAdvice = 0;
    for (const GlossaryEntry &e : bundled().entries()) {
        for (const QString &text : {e.term, e.means, e.usually}) {
            INFO(e.key.toStdString() << ": " << text.toStdString());
            CHECK(!banned.match(text).hasMatch());
            CHECK(!americanSpelling.match(text).hasMatch());
        }
        INFO(e.key.toStdString());
        CHECK(e.means.endsWith(u'.'));
        CHECK(e.usually.endsWith(u'.'));
        if (e.category == QLatin1String("test")) {
            ++tests;
            if (e.usually.contains(QLatin1String("practice")))
                ++testsWithAdvice;
        }
    }
    CHECK(tests >= 60);
    CHECK(testsWithAdvice == tests);   // every test says who to ask about your own result
}

TEST_CASE("the validator rejects a broken glossary and says why")
{
    SECTION("a valid minimal file loads")
    {
        auto g = Glossary::fromJson(fileWith({entryJson(u"abc"_s, u"ABC"_s), entryJson(u"xyz"_s, u"XYZ"_s)}));
        REQUIRE(g.ok());
        CHECK(g->entries().size() == 2);
    }
    SECTION("duplicate key")
    {
        auto g = Glossary::fromJson(fileWith({entryJson(u"abc"_s, u"ABC"_s), entryJson(u"abc"_s, u"XYZ"_s)}));
        REQUIRE(!g.ok());
        CHECK(g.error().message.contains(QLatin1String("duplicate key")));
    }
    SECTION("empty and overlong fields")
    {
        QJsonObject empty = entryJson(u"abc"_s, u"ABC"_s);
        empty[u"means"_s] = u"  "_s;
        QJsonObject longer = entryJson(u"xyz"_s, u"XYZ"_s);
        longer[u"usually"_s] = QString(Glossary::maxUsuallyLength + 1, u'a');
        auto g = Glossary::fromJson(fileWith({empty, longer}));
        REQUIRE(!g.ok());
        CHECK(g.error().message.contains(QLatin1String("abc: means is empty")));
        CHECK(g.error().message.contains(QLatin1String("xyz: usually is longer")));
    }
    SECTION("unknown category, bad key and bad case rule")
    {
        QJsonObject e = entryJson(u"Bad Key"_s, u"ABC"_s);
        e[u"category"_s] = u"disease"_s;
        e[u"case"_s] = u"upper"_s;
        auto g = Glossary::fromJson(fileWith({e}));
        REQUIRE(!g.ok());
        CHECK(g.error().message.contains(QLatin1String("key must be")));
        CHECK(g.error().message.contains(QLatin1String("unknown category")));
        CHECK(g.error().message.contains(QLatin1String("case must be")));
    }
    SECTION("the same spelling under two entries")
    {
        QJsonObject a = entryJson(u"abc"_s, u"ABC"_s);
        a[u"aliases"_s] = QJsonArray{u"shared"_s};
        QJsonObject b = entryJson(u"xyz"_s, u"XYZ"_s);
        b[u"aliases"_s] = QJsonArray{u"Shared"_s};
        auto g = Glossary::fromJson(fileWith({a, b}));
        REQUIRE(!g.ok());
        CHECK(g.error().message.contains(QLatin1String("spelling also used by")));
    }
    SECTION("two exact-case spellings that differ only in case may live in two entries")
    {
        QJsonObject a = entryJson(u"upper"_s, u"ABC"_s);
        a[u"case"_s] = u"exact"_s;
        QJsonObject b = entryJson(u"lower"_s, u"abc"_s);
        b[u"case"_s] = u"exact"_s;
        auto g = Glossary::fromJson(fileWith({a, b}));
        REQUIRE(g.ok());
        CHECK(spottedKeys(*g, u"ABC abc Abc"_s) == QStringList{u"upper"_s, u"lower"_s});
    }
    SECTION("not JSON, or no entries")
    {
        CHECK(!Glossary::fromJson("not json").ok());
        CHECK(!Glossary::fromJson("{\"format\":1}").ok());
        CHECK(!Glossary::fromFile(QStringLiteral("/nonexistent/glossary.json")).ok());
    }
}

TEST_CASE("terms are spotted in a GP note")
{
    const Glossary &g = bundled();
    const QString note = QStringLiteral("c/o cough 5/7, O/E chest clear, NAD. Plan: F/U 2/52");
    CHECK(spottedText(g, note) == QStringList{u"c/o"_s, u"5/7"_s, u"O/E"_s, u"chest clear"_s, u"NAD"_s, u"F/U"_s, u"2/52"_s});
    CHECK(spottedKeys(g, note) == QStringList{u"co"_s, u"days-7"_s, u"oe"_s, u"chest-clear"_s, u"nad"_s, u"fu"_s, u"weeks-52"_s});

    SECTION("positions are exact")
    {
        const auto found = g.spot(note);
        REQUIRE(found.size() == 7);
        CHECK(found[0].start == 0);
        CHECK(found[0].length == 3);
        CHECK(note.mid(found[4].start, found[4].length) == QLatin1String("NAD"));
    }
    SECTION("case rules: DNA and NAD only in capitals, most others in any case")
    {
        CHECK(spottedText(g, u"Pt DNA'd appt"_s) == QStringList{u"Pt"_s, u"DNA'd"_s, u"appt"_s});
        CHECK(spottedText(g, u"dna sample, nad"_s) == QStringList{});
        CHECK(spottedText(g, u"hba1c and EGFR and u&e"_s) == QStringList{u"hba1c"_s, u"EGFR"_s, u"u&e"_s});
    }
    SECTION("whole words only")
    {
        CHECK(spottedText(g, u"bland embody Nadia bpm"_s).size() == 1);   // only bpm
        CHECK(spottedText(g, u"HbA1c"_s) == QStringList{u"HbA1c"_s});             // not Hb inside it
        CHECK(spottedText(g, u"TSHs"_s) == QStringList{});
    }
    SECTION("longest spelling wins")
    {
        CHECK(spottedText(g, u"U&Es and LFTs normal"_s) == QStringList{u"U&Es"_s, u"LFTs"_s});
        CHECK(spottedKeys(g, u"6-in-1 given"_s) == QStringList{u"six-in-one"_s});
        CHECK(spottedKeys(g, u"DTaP/IPV/Hib/HepB"_s) == QStringList{u"six-in-one"_s});
        CHECK(spottedKeys(g, u"DTaP/IPV"_s) == QStringList{u"four-in-one"_s});
        CHECK(spottedKeys(g, u"SOBOE"_s) == QStringList{u"soboe"_s});
    }
    SECTION("durations, not dates")
    {
        CHECK(spottedText(g, u"review 3/12"_s) == QStringList{u"3/12"_s});
        CHECK(spottedKeys(g, u"review 3/12"_s) == QStringList{u"months-12"_s});
        CHECK(spottedKeys(g, u"seen 3/12/2024"_s) == QStringList{});
        CHECK(spottedKeys(g, u"seen 14/3/24"_s) == QStringList{});
        CHECK(spottedKeys(g, u"TCI 10/7."_s) == QStringList{u"tci"_s, u"days-7"_s});
    }
    SECTION("units straight after a number, and spelled across a line break")
    {
        CHECK(spottedText(g, u"ramipril 5mg OD"_s) == QStringList{u"mg"_s, u"OD"_s});
        CHECK(spottedText(g, u"glucose 5.2mmol/L"_s) == QStringList{u"glucose"_s, u"mmol/L"_s});
        CHECK(spottedText(g, u"chest\n  clear"_s) == QStringList{u"chest\n  clear"_s});
    }
    SECTION("escaping-relevant characters are ordinary text")
    {
        CHECK(spottedText(g, u"<b>NAD</b> & \"BP\""_s) == QStringList{u"NAD"_s, u"BP"_s});
    }
}

TEST_CASE("lookup and search")
{
    const Glossary &g = bundled();
    CHECK(g.lookup(u"u&e")->key == QLatin1String("ue"));
    CHECK(g.lookup(u"  urea and electrolytes ")->key == QLatin1String("ue"));
    CHECK(g.lookup(u"dna")->key == QLatin1String("dna"));   // search box: any case
    CHECK(g.lookup(u"not a term") == nullptr);
    CHECK(g.lookup(u"") == nullptr);
    CHECK(g.entry(QStringLiteral("hba1c"))->term == QLatin1String("HbA1c"));
    CHECK(g.entry(QStringLiteral("nope")) == nullptr);

    const std::vector<int> hits = g.search(u"kidney");
    REQUIRE(!hits.empty());
    const std::vector<int> egfr = g.search(u"eGF");
    REQUIRE(!egfr.empty());
    CHECK(g.entries()[size_t(egfr.front())].key == QLatin1String("egfr"));   // term prefix first
    CHECK(g.search(u"").size() == g.entries().size());
    CHECK(g.search(u"zzzzqqq").empty());

    // A–Z: entries are sorted by term, ignoring case.
    for (size_t i = 1; i < g.entries().size(); ++i)
        CHECK(QString::compare(g.entries()[i - 1].term, g.entries()[i].term, Qt::CaseInsensitive) <= 0);
}

TEST_CASE("spotting is fast enough for a long note")
{
    const Glossary &g = bundled();
    const QString paragraph = QStringLiteral(
            "45 y/o c/o SOB and productive cough 5/7, no haemoptysis. PMH: T2DM, HTN, OA knees. "
            "O/E temp 37.9, HR 96, sats 97% RA, chest: crackles R base, HS I+II+0, abdo SNT. "
            "Imp: LRTI. Plan: amoxicillin 500mg TDS 5/7, safety-netting advice, F/U 2/52 if not better, "
            "bloods FBC U&E LFT CRP HbA1c; TCI for BP check. Lorem ipsum dolor sit amet, patient well.\n");
    QString note;
    while (note.size() < 200 * 1024)
        note += paragraph;
    QElapsedTimer timer;
    timer.start();
    const std::vector<GlossaryMatch> found = g.spot(note);
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    std::printf("glossary spot: %lld KiB note, %zu terms in %.2f ms\n",
                static_cast<long long>(note.size() * 2 / 1024), found.size(), ms);
    const auto perParagraph = g.spot(paragraph).size();
    CHECK(perParagraph >= 25);
    CHECK(found.size() == perParagraph * size_t(note.size() / paragraph.size()));
    CHECK(ms < 250.0);   // measured well under this (see the printed line); a generous bound for CI
}
