#pragma once

#include <QString>
#include <QStringList>

namespace hearth {

// Turns record text into the word tokens of the search index, and a patient's query into the
// words to look up. Both sides fold the same way, so "Héllo" finds "hello" and "HbA1c" finds "hba1c".
//
// Folding: Unicode compatibility decomposition, accents (combining marks) dropped, case folded.
// Words are runs of letters and digits. A run joined by '/', '-', '.' or an apostrophe with no
// space ("o/e", "c/o", "f/u", "follow-up", "5.2") is kept whole, so GP abbreviations stay
// searchable, and its parts of two or more characters are indexed as well ("follow", "up").
namespace SearchTokenizer {

// Longest token kept (in UTF-16 code units); longer words are cut, on both sides alike.
inline constexpr int kMaxTokenLength = 48;

// Distinct index tokens of `text`, each at least two characters long, in first-seen order.
QStringList indexTokens(const QString &text);

// The words of a query, in order, duplicates removed: whole runs only (a part of a run is not a
// separate word here) and single characters kept, since each word is matched as a prefix.
QStringList queryWords(const QString &text);

// Lower-cased, accent-free form of one character (may be empty for a lone combining mark, or
// longer than one for a ligature such as "ﬁ"). Exposed for snippet matching.
QString foldChar(QChar c);

// Folds a whole string; `origin`, if given, receives for each folded character the index of the
// character of `text` it came from.
QString fold(const QString &text, QList<int> *origin = nullptr);

// The smallest string greater than every string that starts with `prefix` (for a range scan
// token >= prefix AND token < upperBound(prefix)). Empty if there is none.
QString prefixUpperBound(const QString &prefix);

} // namespace SearchTokenizer
} // namespace hearth
