#include "ImmunisationSchedule.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace hearth {

using namespace Qt::StringLiterals;

QDate ImmunisationSchedule::Dose::dueDate(const QDate &birth) const
{
    // Years and months by the calendar (a 29 February birthday falls on 28 February in other years),
    // then whole weeks.
    return birth.addYears(ageYears).addMonths(ageMonths).addDays(qint64(ageWeeks) * 7);
}

Result<ImmunisationSchedule> ImmunisationSchedule::fromJson(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    const QJsonObject root = doc.object();
    if (error.error != QJsonParseError::NoError || !root.value("doses"_L1).isArray())
        return Error::make(Error::Kind::Parse, u"not an immunisation schedule"_s);
    ImmunisationSchedule s;
    s.m_showUntilAgeYears = root.value("showUntilAgeYears"_L1).toInt(16);
    for (const QJsonValue &gv : root.value("groups"_L1).toArray()) {
        const QJsonObject g = gv.toObject();
        Group group;
        group.key = g.value("key"_L1).toString();
        for (const QJsonValue &c : g.value("codes"_L1).toArray())
            group.codes << c.toString();
        for (const QJsonValue &n : g.value("names"_L1).toArray())
            group.names << n.toString();
        s.m_groups << group;
    }
    for (const QJsonValue &dv : root.value("doses"_L1).toArray()) {
        const QJsonObject d = dv.toObject();
        Dose dose;
        dose.group = d.value("group"_L1).toString();
        dose.vaccine = d.value("vaccine"_L1).toString();
        dose.dose = d.value("dose"_L1).toString();
        dose.ageLabel = d.value("ageLabel"_L1).toString();
        dose.ageYears = d.value("ageYears"_L1).toInt();
        dose.ageMonths = d.value("ageMonths"_L1).toInt();
        dose.ageWeeks = d.value("ageWeeks"_L1).toInt();
        if (dose.group.isEmpty() || dose.vaccine.isEmpty())
            return Error::make(Error::Kind::Parse, u"schedule dose without group or vaccine"_s);
        s.m_doses << dose;
    }
    return s;
}

bool ImmunisationSchedule::appliesTo(const QDate &birth, const QDate &today) const
{
    return birth.isValid() && today >= birth && today < birth.addYears(m_showUntilAgeYears);
}

QString ImmunisationSchedule::groupOf(const ImmunisationItem &item) const
{
    for (const Group &g : m_groups) {
        if (!item.code.isEmpty() && g.codes.contains(item.code))
            return g.key;
    }
    for (const Group &g : m_groups) {
        for (const QString &name : g.names) {
            if (item.vaccine.contains(name, Qt::CaseInsensitive))
                return g.key;
        }
    }
    return {};
}

QList<ImmunisationSchedule::Status> ImmunisationSchedule::evaluate(const QDate &birth, const QDate &today,
                                                                   const QList<ImmunisationItem> &given) const
{
    // Recorded vaccinations per group, oldest first; undated ones still count, after dated ones.
    QHash<QString, QList<ImmunisationItem>> byGroup;
    for (const ImmunisationItem &item : given) {
        const QString group = groupOf(item);
        if (group.isEmpty())
            continue;
        if (item.date.isValid() && birth.isValid() && item.date.date.date < birth)
            continue;   // given before birth (in pregnancy): not one of the child's doses
        byGroup[group] << item;
    }
    for (auto &items : byGroup) {
        std::stable_sort(items.begin(), items.end(), [](const ImmunisationItem &a, const ImmunisationItem &b) {
            if (a.date.isValid() != b.date.isValid())
                return a.date.isValid();
            return a.date.date.date < b.date.date.date;
        });
    }

    QList<Status> out;
    QHash<QString, int> used;
    for (const Dose &dose : m_doses) {
        Status s;
        s.dose = dose;
        s.dueDate = dose.dueDate(birth);
        const QList<ImmunisationItem> &items = byGroup[dose.group];
        int &next = used[dose.group];
        if (next < items.size()) {
            s.state = State::Given;
            s.givenOn = items[next].date;
            s.immunisationId = items[next].id;
            ++next;
        } else {
            s.state = today >= s.dueDate ? State::NotRecorded : State::NotDueYet;
        }
        out << s;
    }
    return out;
}

} // namespace hearth
