#include "support/CatchQt.h"

#include "SyncProblemsModel.h"
#include "SyncWording.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSignalSpy>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

struct EnglishLocale {
    EnglishLocale() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    ~EnglishLocale() { QLocale::setDefault(QLocale::system()); }
};

// 3 May 2024, 08:14 local time.
QDateTime mayMorning() { return QDateTime(QDate(2024, 5, 3), QTime(8, 14)); }

QStringList allRoleTexts(const SyncProblemsModel &model)
{
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role : model.roleNames().keys())
            texts << model.data(model.index(row, 0), role).toString();
    }
    return texts;
}

} // namespace

TEST_CASE("SyncProblemsModel roles are title, detail and accessibleText")
{
    SyncProblemsModel model;
    const QList<QByteArray> names = model.roleNames().values();
    CHECK(names.size() == 3);
    for (const char *n : {"title", "detail", "accessibleText"})
        CHECK(names.contains(QByteArray(n)));
    CHECK_FALSE(names.contains(QByteArray("display")));
}

TEST_CASE("Each error kind is said in patient words")
{
    EnglishLocale english;
    struct Case { const char *stored; const char *reason; const char *next; };
    const Case cases[] = {
        {"network: could not reach the server", "there was no connection", "Hearth will try again."},
        {"timeout: no answer within 30 s", "there was no connection", "Hearth will try again."},
        {"http: the server answered HTTP 503 (HTTP 503)", "the service was busy", "Hearth will try again."},
        {"http: the server answered HTTP 500 (HTTP 500)", "the service was busy", "Hearth will try again."},
        {"http: too many requests (HTTP 429)", "the service was busy", "Hearth will try again."},
        {"http: not allowed (HTTP 403)", "you need to sign in again", "Your saved record is still shown."},
        {"http: bad request (HTTP 400)", "something went wrong", "Hearth will try again."},
        {"auth: refresh token refused", "you need to sign in again", "Your saved record is still shown."},
        {"storage: disk I/O error", "this device could not save it", "Hearth will try again."},
        {"keystore: keyring locked", "this device could not save it", "Hearth will try again."},
        {"security: next link outside the FHIR base", "something did not look right", "Hearth will try again."},
        {"parse: unexpected token at offset 12", "something went wrong", "Hearth will try again."},
        {"garbage without a kind", "something went wrong", "Hearth will try again."},
    };
    for (const Case &c : cases) {
        const QString stored = QString::fromUtf8(c.stored);
        INFO(c.stored);
        const auto row = SyncProblemsModel::rowFor({u"Observation"_s, stored, mayMorning()});
        CHECK(row.title == u"Test results"_s);
        CHECK(row.detail == u"Could not be updated on 3 May at 08:14 — %1. %2"_s.arg(QString::fromUtf8(c.reason), QString::fromUtf8(c.next)));
        CHECK(row.accessibleText == u"Test results: "_s + row.detail);
        // Nothing of the stored text reaches the patient: not the message, not the kind word.
        const QString message = stored.mid(stored.indexOf(u':') + 1).trimmed();
        CHECK_FALSE(row.detail.contains(message));
        CHECK_FALSE(row.accessibleText.contains(message));
        CHECK_FALSE(row.detail.contains(stored.section(u':', 0, 0) + u':'));
        CHECK_FALSE(row.detail.contains(u"HTTP"_s));
    }
}

TEST_CASE("A failure from an earlier run has no time and says so")
{
    const auto row = SyncProblemsModel::rowFor({u"MedicationRequest"_s, u"network: could not reach the server"_s, {}});
    CHECK(row.title == u"Medicines"_s);
    CHECK(row.detail == u"Could not be updated last time — there was no connection. Hearth will try again."_s);
}

TEST_CASE("setProblems keeps one row per section, skips types without an error, and never shows raw text")
{
    EnglishLocale english;
    SyncProblemsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy countSpy(&model, &SyncProblemsModel::countChanged);

    CHECK(model.rowCount() == 0);
    CHECK(model.emptyText() == u"All parts of your record are up to date."_s);

    const QString secret = u"http: OperationOutcome says patient 9434765919 token abc123 (HTTP 503)"_s;
    model.setProblems({
        {u"AllergyIntolerance"_s, QString(), mayMorning()},
        {u"DiagnosticReport"_s, secret, mayMorning()},
        {u"Observation"_s, u"network: could not reach the server"_s, mayMorning()},
        {u"Immunization"_s, u"auth: refresh refused"_s, mayMorning()},
    });
    REQUIRE(model.rowCount() == 2);
    CHECK(countSpy.count() == 1);
    CHECK(model.row(0).title == u"Test results"_s);
    CHECK(model.row(0).detail.contains(u"the service was busy"_s));
    CHECK(model.row(1).title == u"Vaccinations"_s);
    CHECK(model.row(1).detail.contains(u"you need to sign in again"_s));
    for (const QString &text : allRoleTexts(model)) {
        CHECK_FALSE(text.contains(u"9434765919"_s));
        CHECK_FALSE(text.contains(u"abc123"_s));
        CHECK_FALSE(text.contains(u"OperationOutcome"_s));
        CHECK_FALSE(text.contains(u"could not reach the server"_s));
    }

    // The same problems again: no reset, no signal.
    model.setProblems({{u"DiagnosticReport"_s, secret, mayMorning()}, {u"Immunization"_s, u"auth: refresh refused"_s, mayMorning()}});
    CHECK(countSpy.count() == 1);

    model.setProblems({});
    CHECK(model.rowCount() == 0);
    CHECK(countSpy.count() == 2);
}

TEST_CASE("Updated text: minutes, today, another day; never updated is empty")
{
    EnglishLocale english;
    const QDateTime now(QDate(2024, 5, 3), QTime(12, 0));
    CHECK(SyncWording::updatedText({}, now).isEmpty());
    CHECK(SyncWording::updatedText(now.addSecs(-20), now) == u"Updated just now"_s);
    CHECK(SyncWording::updatedText(now.addSecs(120), now) == u"Updated just now"_s);   // server clock a little ahead
    CHECK(SyncWording::updatedText(now.addSecs(-10 * 60), now).startsWith(u"Updated 10 minute"_s));
    CHECK(SyncWording::updatedText(QDateTime(QDate(2024, 5, 3), QTime(8, 14)), now) == u"Updated today at 08:14"_s);
    CHECK(SyncWording::updatedText(QDateTime(QDate(2024, 5, 2), QTime(8, 14)), now) == u"Updated on 2 May at 08:14"_s);
    // The server's time is UTC: shown in local time.
    const QDateTime utc = QDateTime(QDate(2024, 4, 1), QTime(7, 14), Qt::UTC);
    CHECK(SyncWording::updatedText(utc, now) == u"Updated on %1"_s.arg(SyncWording::dateTimeText(utc)));
}
