#include "EntryVisibility.h"

#include "SearchText.h"

#include <QJsonArray>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

constexpr QLatin1StringView kSnomed{"http://snomed.info/sct"};

QString firstCode(const QJsonValue &concept_)
{
    for (const QJsonValue &c : concept_.toObject().value("coding"_L1).toArray()) {
        const QString code = c.toObject().value("code"_L1).toString();
        if (!code.isEmpty())
            return code.toLower();
    }
    return {};
}

} // namespace

EntryFacts EntryFacts::fromJson(const QJsonObject &resource)
{
    EntryFacts f;
    f.type = resource.value("resourceType"_L1).toString();
    f.status = resource.value("status"_L1).toString();
    f.verification = firstCode(resource.value("verificationStatus"_L1));
    f.intent = resource.value("intent"_L1).toString();
    for (const QJsonValue &b : resource.value("basedOn"_L1).toArray()) {
        const QString ref = b.toObject().value("reference"_L1).toString();
        const qsizetype at = ref.lastIndexOf("MedicationRequest/"_L1);
        // "MedicationRequest/1" or an absolute ".../MedicationRequest/1" with an id after it.
        if (at >= 0 && (at == 0 || ref.at(at - 1) == u'/') && ref.size() > at + 18)
            f.basedOnMedicationRequest = true;
    }
    return f;
}

namespace visibility {

bool isHidden(const EntryFacts &f)
{
    if (f.status == "entered-in-error"_L1 || f.verification == "entered-in-error"_L1
        || f.verification == "refuted"_L1)
        return true;
    if (f.type == "Immunization"_L1)
        return f.status == "not-done"_L1;
    if (f.type == "DocumentReference"_L1)
        return f.status == "superseded"_L1;
    return false;
}

bool isRepeatIssue(const EntryFacts &f)
{
    return f.type == "MedicationRequest"_L1 && f.intent != "plan"_L1 && f.basedOnMedicationRequest;
}

bool isCommentNoteCoding(QStringView system, QStringView code)
{
    return system == kSnomed && code == QLatin1StringView(kCommentNoteCode);
}

bool isCommentNote(const QJsonObject &observation)
{
    for (const QJsonValue &c : observation.value("code"_L1).toObject().value("coding"_L1).toArray()) {
        const QJsonObject coding = c.toObject();
        if (isCommentNoteCoding(coding.value("system"_L1).toString(), coding.value("code"_L1).toString()))
            return true;
    }
    return false;
}

} // namespace visibility
} // namespace hearth
