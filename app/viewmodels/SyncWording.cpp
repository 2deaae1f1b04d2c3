#include "SyncWording.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

namespace hearth::SyncWording {
namespace {

// The context lupdate gives this namespace's tr() calls.
QString tr(const char *text)
{
    return QCoreApplication::translate("hearth::SyncWording", text);
}

// The kind word of "kind: message (HTTP n)".
QString kindOf(const QString &storedError)
{
    const qsizetype colon = storedError.indexOf(QLatin1Char(':'));
    return colon > 0 ? storedError.left(colon).trimmed() : QString();
}

int httpStatusOf(const QString &storedError)
{
    static const QRegularExpression status(QStringLiteral("\\(HTTP (\\d{3})\\)\\s*$"));
    const auto match = status.match(storedError);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

} // namespace

QString sectionTitle(const QString &type)
{
    if (type == QLatin1String("Patient"))
        return tr("Your details");
    if (type == QLatin1String("AllergyIntolerance"))
        return tr("Allergies");
    if (type == QLatin1String("MedicationRequest"))
        return tr("Medicines");
    if (type == QLatin1String("Condition"))
        return tr("Health problems");
    if (type == QLatin1String("Immunization"))
        return tr("Vaccinations");
    if (type == QLatin1String("DiagnosticReport") || type == QLatin1String("Observation"))
        return tr("Test results");
    if (type == QLatin1String("Encounter"))
        return tr("Appointments and consultations");
    return tr("Other parts of your record");
}

QString reasonText(const QString &storedError)
{
    const QString kind = kindOf(storedError);
    if (kind == QLatin1String("network") || kind == QLatin1String("timeout"))
        return tr("there was no connection");
    if (kind == QLatin1String("http")) {
        const int status = httpStatusOf(storedError);
        if (status >= 500 || status == 429)
            return tr("the service was busy");
        if (status == 401 || status == 403)
            return tr("you need to sign in again");
        return tr("something went wrong");
    }
    if (kind == QLatin1String("auth"))
        return tr("you need to sign in again");
    if (kind == QLatin1String("storage") || kind == QLatin1String("keystore"))
        return tr("this device could not save it");
    if (kind == QLatin1String("security"))
        return tr("something did not look right");
    return tr("something went wrong");
}

bool needsSignIn(const QString &storedError)
{
    const QString kind = kindOf(storedError);
    const int status = httpStatusOf(storedError);
    return kind == QLatin1String("auth") || (kind == QLatin1String("http") && (status == 401 || status == 403));
}

QString dateTimeText(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    //: %1 is a date like "3 May", %2 a time like "08:14"
    return tr("%1 at %2").arg(locale.toString(local.date(), QStringLiteral("d MMMM")),
                              locale.toString(local.time(), QStringLiteral("HH:mm")));
}

QString updatedText(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    // The server's clock and this device's may differ a little: a time "in the future" is now.
    const qint64 minutes = qMax<qint64>(0, when.secsTo(now) / 60);
    if (minutes < 1)
        return tr("Updated just now");
    if (minutes < 60)
        return QCoreApplication::translate("hearth::SyncWording", "Updated %n minute(s) ago", nullptr, int(minutes));
    const QDateTime local = when.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return tr("Updated today at %1").arg(QLocale().toString(local.time(), QStringLiteral("HH:mm")));
    return tr("Updated on %1").arg(dateTimeText(when));
}

} // namespace hearth::SyncWording
