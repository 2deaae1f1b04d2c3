#include "TrendUnits.h"

#include <QMap>
#include <QStringList>

#include <cmath>

namespace hearth::trend {

using namespace Qt::StringLiterals;

namespace {

// Base units that take metric prefixes, and a few that never do.
bool isMetricAtom(QStringView atom)
{
    static const QStringList atoms{u"g"_s, u"mol"_s, u"L"_s, u"m"_s, u"s"_s, u"U"_s, u"Pa"_s,
                                   u"eq"_s, u"kat"_s, u"m[Hg]"_s, u"[IU]"_s, u"[iU]"_s, u"Cel"_s};
    return atoms.contains(atom);
}

bool isPlainAtom(QStringView atom)
{
    static const QStringList atoms{u"min"_s, u"h"_s, u"d"_s, u"wk"_s, u"mo"_s, u"a"_s, u"%"_s, u"[ppm]"_s, u"1"_s};
    return atoms.contains(atom);
}

std::optional<double> prefixFactor(QChar p)
{
    switch (p.unicode()) {
    case u'k': return 1e3;
    case u'd': return 1e-1;
    case u'c': return 1e-2;
    case u'm': return 1e-3;
    case u'u': return 1e-6;
    case u'n': return 1e-9;
    case u'p': return 1e-12;
    case u'f': return 1e-15;
    default: return std::nullopt;
    }
}

// A unit as: a coefficient, base atoms with their powers (+1 numerator, -1 denominator), and its
// annotations ({1.73_m2} must match exactly).
struct Parsed {
    double coefficient = 1;
    QMap<QString, int> atoms;
    QStringList annotations;
    bool ok = true;
};

void addTerm(Parsed &p, QString term, int sign)
{
    // Annotations are kept aside: "{cells}/uL" is not "/uL".
    while (true) {
        const qsizetype open = term.indexOf(u'{');
        if (open < 0)
            break;
        const qsizetype close = term.indexOf(u'}', open);
        if (close < 0) {
            p.ok = false;
            return;
        }
        p.annotations << term.mid(open, close - open + 1);
        term.remove(open, close - open + 1);
    }
    if (term.isEmpty())
        return;
    if (term.startsWith("10*"_L1) || term.startsWith("10^"_L1)) {
        bool ok = false;
        const int exponent = term.mid(3).toInt(&ok);
        if (!ok) {
            p.ok = false;
            return;
        }
        p.coefficient *= std::pow(10.0, sign * exponent);
        return;
    }
    if (term == "l"_L1)
        term = u"L"_s;
    if (isMetricAtom(term) || isPlainAtom(term)) {
        p.atoms[term] += sign;
        return;
    }
    QString rest = term.mid(1);
    if (rest == "l"_L1)
        rest = u"L"_s;
    const auto factor = prefixFactor(term.at(0));
    if (factor && isMetricAtom(rest)) {
        p.coefficient *= std::pow(*factor, sign);
        p.atoms[rest] += sign;
        return;
    }
    p.ok = false;   // an atom we do not know: only identical codes may be combined
}

Parsed parse(const QString &unit)
{
    Parsed p;
    const QStringList parts = unit.split(u'/');
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QStringList factors = parts.at(i).split(u'.', Qt::SkipEmptyParts);
        if (factors.isEmpty() && i > 0) {
            p.ok = false;
            break;
        }
        for (const QString &f : factors)
            addTerm(p, f, i == 0 ? 1 : -1);
        if (!p.ok)
            break;
    }
    for (auto it = p.atoms.begin(); it != p.atoms.end();) {
        it = it.value() == 0 ? p.atoms.erase(it) : std::next(it);
    }
    p.annotations.sort();
    return p;
}

} // namespace

std::optional<double> conversionFactor(const QString &fromUcum, const QString &toUcum)
{
    if (fromUcum == toUcum)
        return 1.0;
    if (fromUcum.isEmpty() || toUcum.isEmpty())
        return std::nullopt;
    const Parsed from = parse(fromUcum);
    const Parsed to = parse(toUcum);
    if (!from.ok || !to.ok || from.atoms != to.atoms || from.annotations != to.annotations)
        return std::nullopt;
    return from.coefficient / to.coefficient;
}

} // namespace hearth::trend
