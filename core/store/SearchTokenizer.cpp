#include "SearchTokenizer.h"

#include <QHash>
#include <QSet>

namespace hearth::SearchTokenizer {
namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

bool isConnector(QChar c)
{
    return c == u'/' || c == u'-' || c == u'.' || c == u'\'' || c == QChar(0x2019);
}

// A run of word characters, possibly joined by connectors, plus where its parts are.
struct Run {
    QString whole;
    QStringList parts;
};

// Splits already folded text into runs. A connector only joins when a word character is on
// both sides ("o/e" joins, "blood /" and "end." do not).
template <typename Fn>
void forEachRun(const QString &folded, Fn &&fn)
{
    const qsizetype n = folded.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isWordChar(folded[i])) {
            ++i;
            continue;
        }
        Run run;
        QString part;
        while (i < n) {
            const QChar c = folded[i];
            if (isWordChar(c)) {
                part += c;
                ++i;
            } else if (isConnector(c) && i + 1 < n && isWordChar(folded[i + 1]) && !part.isEmpty()) {
                run.parts << part;
                part.clear();
                ++i;
            } else {
                break;
            }
        }
        run.parts << part;
        // The whole run with its connectors, cut out of the folded text as written.
        qsizetype length = 0;
        for (const QString &p : std::as_const(run.parts))
            length += p.size();
        length += run.parts.size() - 1;
        run.whole = folded.mid(i - length, length);
        fn(run);
    }
}

QString capped(const QString &token)
{
    return token.size() > kMaxTokenLength ? token.left(kMaxTokenLength) : token;
}

} // namespace

QString foldChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return QString(QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u));
    const QString decomposed = QString(c).normalized(QString::NormalizationForm_KD);
    QString out;
    for (QChar d : decomposed) {
        const QChar::Category cat = d.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_SpacingCombining || cat == QChar::Mark_Enclosing)
            continue;
        out += d;
    }
    return out.toCaseFolded();
}

// Sync folds every word of the record: ASCII needs no allocation, and the few other characters
// a record uses are decomposed once per thread and remembered.
QString fold(const QString &text, QList<int> *origin)
{
    thread_local QHash<char16_t, QString> folded;
    QString out;
    out.reserve(text.size());
    if (origin) {
        origin->clear();
        origin->reserve(text.size());
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        if (u < 0x80) {
            out += QChar(u >= u'A' && u <= u'Z' ? char16_t(u + 32) : u);
            if (origin)
                origin->append(int(i));
            continue;
        }
        auto it = folded.constFind(u);
        if (it == folded.cend())
            it = folded.insert(u, foldChar(text[i]));
        out += *it;
        if (origin) {
            for (qsizetype k = 0; k < it->size(); ++k)
                origin->append(int(i));
        }
    }
    return out;
}

QStringList indexTokens(const QString &text)
{
    // Most texts have a few dozen words: a linear look-up beats hashing every token (hashing
    // showed up at 8 % of a first sync); long notes switch to a set.
    constexpr qsizetype kLinear = 48;
    QStringList tokens;
    QSet<QString> seen;
    auto add = [&](const QString &token) {
        if (token.size() < 2)
            return;
        const QString t = capped(token);
        if (tokens.size() < kLinear) {
            if (!tokens.contains(t))
                tokens << t;
            return;
        }
        if (seen.isEmpty())
            seen = QSet<QString>(tokens.cbegin(), tokens.cend());
        if (!seen.contains(t)) {
            seen.insert(t);
            tokens << t;
        }
    };
    forEachRun(fold(text), [&](const Run &run) {
        add(run.whole);
        if (run.parts.size() > 1) {
            for (const QString &p : run.parts)
                add(p);
        }
    });
    return tokens;
}

QStringList queryWords(const QString &text)
{
    QStringList words;
    forEachRun(fold(text), [&](const Run &run) {
        const QString w = capped(run.whole);
        if (!words.contains(w))
            words << w;
    });
    return words;
}

QString prefixUpperBound(const QString &prefix)
{
    QString upper = prefix;
    while (!upper.isEmpty()) {
        const char16_t last = upper.back().unicode();
        if (last < 0xFFFF) {
            upper.back() = QChar(char16_t(last + 1));
            return upper;
        }
        upper.chop(1);
    }
    return {};
}

} // namespace hearth::SearchTokenizer
