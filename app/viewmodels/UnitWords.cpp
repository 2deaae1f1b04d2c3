#include "UnitWords.h"

#include <QHash>

namespace hearth {

using namespace Qt::StringLiterals;

QString countUnit(const QString &unit, double value)
{
    static const QHash<QString, QString> plurals{
        {u"tablet"_s, u"tablets"_s}, {u"capsule"_s, u"capsules"_s}, {u"dose"_s, u"doses"_s},
        {u"inhaler"_s, u"inhalers"_s}, {u"patch"_s, u"patches"_s}, {u"sachet"_s, u"sachets"_s},
        {u"pessary"_s, u"pessaries"_s}, {u"suppository"_s, u"suppositories"_s}, {u"ampoule"_s, u"ampoules"_s},
        {u"vial"_s, u"vials"_s}, {u"pre-filled pen"_s, u"pre-filled pens"_s},
        {u"pre-filled syringe"_s, u"pre-filled syringes"_s}, {u"lozenge"_s, u"lozenges"_s},
        {u"device"_s, u"devices"_s}, {u"bottle"_s, u"bottles"_s}, {u"tube"_s, u"tubes"_s}, {u"pack"_s, u"packs"_s},
        {u"drop"_s, u"drops"_s}};
    if (value == 1)
        return unit;
    return plurals.value(unit.trimmed().toLower(), unit);
}

QString quantityWords(const QString &quantity)
{
    const qsizetype space = quantity.indexOf(u' ');
    bool isNumber = false;
    const double value = space > 0 ? quantity.left(space).toDouble(&isNumber) : 0;
    if (!isNumber)
        return quantity;
    return quantity.left(space + 1) + countUnit(quantity.mid(space + 1), value);
}

} // namespace hearth
