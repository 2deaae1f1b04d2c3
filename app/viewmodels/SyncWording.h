#pragma once

#include <QDateTime>
#include <QString>

namespace hearth {

// Patient-facing wording about sync, kept in one place so the home page, the record sections and
// the "Updates" list say the same thing the same way. Everything is translated; nothing here ever
// repeats a server's or a library's own text.
namespace SyncWording {

// The record section a FHIR resource type belongs to, as the patient knows it ("Test results").
QString sectionTitle(const QString &resourceType);

// Why an update failed, in a few plain words ("the service was busy"), from a stored
// Error::describe() text ("http: ... (HTTP 503)"). Only the error kind and HTTP status are read.
QString reasonText(const QString &storedError);
// True when the fix is the patient's (sign in again) rather than Hearth's (try again later).
bool needsSignIn(const QString &storedError);

// "3 May at 08:14" in the UI language, local time.
QString dateTimeText(const QDateTime &when);
// "Updated just now" / "Updated 10 minutes ago" / "Updated today at 08:14" / "Updated on 3 May at 08:14";
// empty when `when` is invalid (never updated).
QString updatedText(const QDateTime &when, const QDateTime &now);

} // namespace SyncWording
} // namespace hearth
