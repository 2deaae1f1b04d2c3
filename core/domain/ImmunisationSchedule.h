#pragma once

#include "SectionTypes.h"

#include "common/Result.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace hearth {

// The UK routine childhood schedule (resources/immunisations/*.json) and where a child stands
// against it. Pure: the caller passes the birth date, today's date and the recorded vaccinations.
class ImmunisationSchedule {
public:
    struct Dose {
        QString group;        // "6in1", "mmr": doses of a group are matched in order
        QString vaccine;      // "6-in-1 vaccine" (schedule content, reviewed like the glossary)
        QString dose;         // "1st dose", "booster"
        QString ageLabel;     // "8 weeks", "3 years and 4 months"
        int ageYears = 0;
        int ageMonths = 0;
        int ageWeeks = 0;

        QDate dueDate(const QDate &birth) const;
    };

    enum class State { Given, NotRecorded, NotDueYet };

    struct Status {
        Dose dose;
        QDate dueDate;
        State state = State::NotDueYet;
        RecordDate givenOn;       // Given only
        QString immunisationId;   // Given only
    };

    // Parse error if the JSON is not a schedule.
    static Result<ImmunisationSchedule> fromJson(const QByteArray &json);

    const QList<Dose> &doses() const { return m_doses; }
    int showUntilAgeYears() const { return m_showUntilAgeYears; }
    // Whether a person born on `birth` is young enough for the schedule view on `today`.
    bool appliesTo(const QDate &birth, const QDate &today) const;

    // One status per dose, in schedule order. A recorded vaccination counts for the first dose of
    // its group not yet matched, oldest vaccination first; a dose is due on its due date itself.
    QList<Status> evaluate(const QDate &birth, const QDate &today, const QList<ImmunisationItem> &given) const;

    // Which group a recorded vaccination belongs to (by SNOMED CT code, else by name); empty if none.
    QString groupOf(const ImmunisationItem &item) const;

private:
    struct Group {
        QString key;
        QStringList codes;
        QStringList names;
    };
    QList<Group> m_groups;
    QList<Dose> m_doses;
    int m_showUntilAgeYears = 16;
};

} // namespace hearth
