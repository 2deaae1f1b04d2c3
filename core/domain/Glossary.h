#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <vector>

namespace hearth {

// One explained term of the plain-English glossary (resources/glossary/glossary.json).
// The words are content written for patients; core only loads, checks and finds them.
struct GlossaryEntry {
    QString key;          // stable id used in links ("glossary:<key>"): [a-z0-9-]
    QString term;         // how it is usually written in a record: "HbA1c", "O/E"
    QStringList aliases;  // other spellings; '#' stands for 1-3 digits ("#/52")
    QString category;     // abbreviation, test, term, unit, medicine-timing
    bool exactCase = false;   // "DNA", "NAD": only upper case is the abbreviation
    QString means;        // one line
    QString usually;      // "what this usually means": a short paragraph
};

// A term found in free text: [start, start + length) of the text, and the entry it explains.
struct GlossaryMatch {
    qsizetype start = 0;
    qsizetype length = 0;
    int entry = -1;       // index into Glossary::entries()
};

// The glossary: loaded and validated once, then looked up and used to spot terms in notes.
class Glossary {
public:
    // Limits that keep the explanations short enough for a phone sheet.
    static constexpr int maxKeyLength = 40;
    static constexpr int maxTermLength = 40;
    static constexpr int maxMeansLength = 200;
    static constexpr int maxUsuallyLength = 800;

    Glossary() = default;

    // Parses and validates the whole file; any problem (duplicate key or spelling, empty or
    // overlong field, unknown category) fails the load with every problem listed in the message.
    static Result<Glossary> fromJson(const QByteArray &json);
    static Result<Glossary> fromFile(const QString &path);

    static QStringList categories();

    // Entries sorted A–Z by term (case-insensitive).
    const std::vector<GlossaryEntry> &entries() const { return m_entries; }
    bool isEmpty() const { return m_entries.empty(); }
    int indexOfKey(const QString &key) const { return m_byKey.value(key, -1); }
    const GlossaryEntry *entry(const QString &key) const;
    // The entry for a spelling as a patient or a record writes it ("eGFR", "u&e"); nullptr if none.
    const GlossaryEntry *lookup(QStringView spelling) const;
    // Entries whose term, aliases or meaning contain `query`; terms that start with it come first.
    std::vector<int> search(QStringView query) const;

    // Every known term in `text`, left to right, not overlapping. A term matches only as a whole
    // word (not inside "bland" or "3/12/2024"), the longest spelling wins ("U&Es" over "U&E").
    std::vector<GlossaryMatch> spot(QStringView text) const;

private:
    struct Pattern {
        QString text;     // case-folded unless exact
        bool exact = false;
        bool startsWithNumber = false;
        bool unit = false;        // may follow a number directly: "5mg"
        int entry = -1;
    };
    qsizetype matchAt(const Pattern &pattern, QStringView text, qsizetype at) const;
    void buildPatterns();

    std::vector<GlossaryEntry> m_entries;
    QHash<QString, int> m_byKey;
    QHash<char16_t, std::vector<Pattern>> m_byFirst;   // first (folded) character → spellings
};

} // namespace hearth
