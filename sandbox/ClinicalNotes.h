#pragma once
// Free-text consultation notes for the synthetic family, written the way UK GP notes are (c/o, O/E, NAD,
// Hx, Rx, F/U, 2/52...). Synthetic and deliberately non-alarming; nothing here is about a real person.
#include "Prng.h"

#include <QString>
#include <cmath>

namespace hearth::sandbox {

// What the note may mention about the visit; zero/NaN fields are left out.
struct VisitFacts
{
    QString reasonCode;      // SNOMED CT code of the encounter's reason
    QString reasonDisplay;
    bool phone = false;
    bool child = false;
    int systolic = 0;
    int diastolic = 0;
    double weightKg = std::nan("");
    double peakFlow = std::nan("");
    QString medicine;        // a medicine started or issued at the visit, if any
    QString vaccines;        // vaccines given at the visit, if any ("6-in-1, MenB and rotavirus")
};

// The note text. Some notes are one line, about a third are several paragraphs ("History:", ...).
QString consultationNote(const VisitFacts &facts, Prng &rng);

// Clinicians of the synthetic practice ("Dr Helen Marsh"...); index taken modulo the list.
QString clinicianName(int index, bool nurse);

} // namespace hearth::sandbox
