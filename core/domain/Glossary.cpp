#include "Glossary.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace hearth {

namespace {

constexpr char16_t numberMark = u'#';   // in a spelling: 1-3 digits

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }

char16_t fold(QChar c) { return c.toCaseFolded().unicode(); }

QString folded(QStringView s) { return s.toString().toCaseFolded(); }

// Problems with one entry's fields, each as "key: what" (entry words are not health data).
void checkText(QStringList &problems, const QString &where, const QString &field, const QString &value,
               int maxLength)
{
    if (value.trimmed().isEmpty())
        problems << QStringLiteral("%1: %2 is empty").arg(where, field);
    else if (value.size() > maxLength)
        problems << QStringLiteral("%1: %2 is longer than %3 characters").arg(where, field).arg(maxLength);
    else if (value != value.trimmed())
        problems << QStringLiteral("%1: %2 has spaces at either end").arg(where, field);
}

} // namespace

QStringList Glossary::categories()
{
    return {QStringLiteral("abbreviation"), QStringLiteral("test"), QStringLiteral("term"),
            QStringLiteral("unit"), QStringLiteral("medicine-timing")};
}

Result<Glossary> Glossary::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(Error::Kind::NotFound, QStringLiteral("glossary file could not be opened"));
    return fromJson(file.readAll());
}

Result<Glossary> Glossary::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return Error::make(Error::Kind::Parse,
                           QStringLiteral("glossary is not a JSON object: %1").arg(parseError.errorString()));
    const QJsonValue list = doc.object().value(QLatin1String("entries"));
    if (!list.isArray())
        return Error::make(Error::Kind::Parse, QStringLiteral("glossary has no \"entries\" array"));

    static const QRegularExpression keyShape(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
    const QStringList allowedCategories = categories();
    QStringList problems;
    Glossary glossary;
    for (const QJsonValue &value : list.toArray()) {
        const QJsonObject o = value.toObject();
        GlossaryEntry e;
        e.key = o.value(QLatin1String("key")).toString();
        e.term = o.value(QLatin1String("term")).toString();
        e.category = o.value(QLatin1String("category")).toString();
        e.means = o.value(QLatin1String("means")).toString();
        e.usually = o.value(QLatin1String("usually")).toString();
        const QString caseRule = o.value(QLatin1String("case")).toString(QStringLiteral("any"));
        e.exactCase = caseRule == QLatin1String("exact");
        for (const QJsonValue &alias : o.value(QLatin1String("aliases")).toArray())
            e.aliases << alias.toString();

        const QString where = e.key.isEmpty() ? QStringLiteral("entry %1").arg(glossary.m_entries.size()) : e.key;
        if (!keyShape.match(e.key).hasMatch() || e.key.size() > maxKeyLength)
            problems << QStringLiteral("%1: key must be lower-case letters, digits and dashes").arg(where);
        else if (glossary.m_byKey.contains(e.key))
            problems << QStringLiteral("%1: duplicate key").arg(where);
        checkText(problems, where, QStringLiteral("term"), e.term, maxTermLength);
        checkText(problems, where, QStringLiteral("means"), e.means, maxMeansLength);
        checkText(problems, where, QStringLiteral("usually"), e.usually, maxUsuallyLength);
        for (const QString &alias : std::as_const(e.aliases))
            checkText(problems, where, QStringLiteral("alias"), alias, maxTermLength);
        if (!allowedCategories.contains(e.category))
            problems << QStringLiteral("%1: unknown category").arg(where);
        if (caseRule != QLatin1String("any") && caseRule != QLatin1String("exact"))
            problems << QStringLiteral("%1: case must be \"any\" or \"exact\"").arg(where);
        glossary.m_byKey.insert(e.key, int(glossary.m_entries.size()));
        glossary.m_entries.push_back(std::move(e));
    }

    // The same spelling under two entries would make a link ambiguous. An any-case spelling
    // clashes with every spelling that folds to it; two exact ones only if identical.
    struct Seen { QString exactText; bool exact; QString key; };
    QHash<QString, std::vector<Seen>> spellings;
    for (const GlossaryEntry &e : glossary.m_entries) {
        QStringList all = QStringList{e.term} + e.aliases;
        all.removeDuplicates();
        for (const QString &s : std::as_const(all)) {
            auto &seen = spellings[folded(s)];
            for (const Seen &other : seen) {
                if (other.key != e.key && (!other.exact || !e.exactCase || other.exactText == s))
                    problems << QStringLiteral("%1: spelling also used by %2").arg(e.key, other.key);
            }
            seen.push_back({s, e.exactCase, e.key});
        }
    }
    if (!problems.isEmpty()) {
        const int shown = 10;
        QString message = QStringLiteral("glossary has %1 problem(s): ").arg(problems.size())
                + problems.mid(0, shown).join(QStringLiteral("; "));
        return Error::make(Error::Kind::Parse, message);
    }

    std::stable_sort(glossary.m_entries.begin(), glossary.m_entries.end(),
                     [](const GlossaryEntry &a, const GlossaryEntry &b) {
                         return QString::compare(a.term, b.term, Qt::CaseInsensitive) < 0;
                     });
    glossary.m_byKey.clear();
    for (int i = 0; i < int(glossary.m_entries.size()); ++i)
        glossary.m_byKey.insert(glossary.m_entries[size_t(i)].key, i);
    glossary.buildPatterns();
    return glossary;
}

void Glossary::buildPatterns()
{
    m_byFirst.clear();
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const GlossaryEntry &e = m_entries[size_t(i)];
        QStringList all = QStringList{e.term} + e.aliases;
        all.removeDuplicates();
        for (const QString &spelling : std::as_const(all)) {
            Pattern p;
            p.exact = e.exactCase;
            p.text = p.exact ? spelling : spelling.toCaseFolded();
            p.entry = i;
            p.unit = e.category == QLatin1String("unit");
            const QChar first = p.text.front();
            p.startsWithNumber = first == numberMark || first.isDigit();
            const char16_t bucket = first == numberMark ? numberMark : (p.exact ? fold(first) : first.unicode());
            m_byFirst[bucket].push_back(std::move(p));
        }
    }
}

const GlossaryEntry *Glossary::entry(const QString &key) const
{
    const int i = indexOfKey(key);
    return i < 0 ? nullptr : &m_entries[size_t(i)];
}

const GlossaryEntry *Glossary::lookup(QStringView spelling) const
{
    const QStringView trimmed = spelling.trimmed();
    if (trimmed.isEmpty())
        return nullptr;
    const std::vector<GlossaryMatch> found = spot(trimmed);
    if (found.size() == 1 && found.front().start == 0 && found.front().length == trimmed.size())
        return &m_entries[size_t(found.front().entry)];
    // A patient typing "dna" into search means the abbreviation, whatever its case rule.
    for (const GlossaryEntry &e : m_entries) {
        if (e.term.compare(trimmed, Qt::CaseInsensitive) == 0)
            return &e;
        for (const QString &alias : e.aliases)
            if (alias.compare(trimmed, Qt::CaseInsensitive) == 0)
                return &e;
    }
    return nullptr;
}

std::vector<int> Glossary::search(QStringView query) const
{
    const QStringView q = query.trimmed();
    std::vector<int> starts, contains;
    for (int i = 0; i < int(m_entries.size()); ++i) {
        const GlossaryEntry &e = m_entries[size_t(i)];
        if (q.isEmpty() || e.term.startsWith(q, Qt::CaseInsensitive)) {
            starts.push_back(i);
            continue;
        }
        bool hit = e.term.contains(q, Qt::CaseInsensitive) || e.means.contains(q, Qt::CaseInsensitive);
        for (const QString &alias : e.aliases)
            hit = hit || alias.contains(q, Qt::CaseInsensitive);
        if (hit)
            contains.push_back(i);
    }
    starts.insert(starts.end(), contains.begin(), contains.end());
    return starts;
}

// Length of the text matched by `pattern` at `at`, or 0. A space in a spelling matches any run of
// white space (notes wrap lines), '#' matches 1-3 digits.
qsizetype Glossary::matchAt(const Pattern &pattern, QStringView text, qsizetype at) const
{
    qsizetype k = at;
    const qsizetype n = text.size();
    for (const QChar p : pattern.text) {
        if (p == QChar(numberMark)) {
            qsizetype digits = 0;
            while (k < n && digits < 3 && text[k].isDigit()) {
                ++k;
                ++digits;
            }
            if (digits == 0)
                return 0;
        } else if (p == u' ') {
            if (k >= n || !text[k].isSpace())
                return 0;
            while (k < n && text[k].isSpace())
                ++k;
        } else {
            if (k >= n)
                return 0;
            if (pattern.exact ? text[k] != p : fold(text[k]) != p.unicode())
                return 0;
            ++k;
        }
    }
    // Whole words only; "2/52" inside a date such as "2/52/..." or "3/12/2024" is not a duration.
    if (k < n) {
        if (isWordChar(text[k]))
            return 0;
        if (pattern.startsWithNumber && (text[k] == u'/' || text[k] == u'.') && k + 1 < n && text[k + 1].isDigit())
            return 0;
    }
    return k - at;
}

std::vector<GlossaryMatch> Glossary::spot(QStringView text) const
{
    std::vector<GlossaryMatch> out;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        const bool wordStart = isWordChar(c) && (i == 0 || !isWordChar(text[i - 1]));
        // Units are often written straight after the number ("5mg", "4.8mmol/L").
        const bool unitStart = !wordStart && c.isLetter() && text[i - 1].isDigit();
        if (!wordStart && !unitStart) {
            ++i;
            continue;
        }
        const bool afterSlash = i > 0 && (text[i - 1] == u'/' || text[i - 1] == u'.');
        GlossaryMatch best;
        auto tryBucket = [&](char16_t bucket) {
            const auto it = m_byFirst.constFind(bucket);
            if (it == m_byFirst.constEnd())
                return;
            for (const Pattern &p : *it) {
                if ((p.startsWithNumber && afterSlash) || (unitStart && !p.unit))
                    continue;   // the middle of a date or a decimal, or inside a word
                const qsizetype len = matchAt(p, text, i);
                if (len > best.length)
                    best = GlossaryMatch{i, len, p.entry};
            }
        };
        tryBucket(fold(c));
        if (c.isDigit())
            tryBucket(numberMark);
        if (best.length > 0) {
            out.push_back(best);
            i += best.length;
        } else {
            ++i;
        }
    }
    return out;
}

} // namespace hearth
