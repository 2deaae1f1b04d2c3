// hearth-cli against a real hearth-sandbox process: sign-in, first and incremental sync, offline
// reads, encryption at rest, fail-closed keystore, and bad pages.
#include "Harness.h"

#include "store/CacheDatabase.h"
#include "store/SqlCipherDriver.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

using namespace harness;


TEST_CASE("first sync stores exactly what the sandbox holds; a second sync asks once per type and stores nothing")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));

    const CliResult first = syncAs(sandbox, QStringLiteral("parent"), profile);
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);

    const QJsonObject parent = sandboxPatient(sandbox, QStringLiteral("parent"));
    REQUIRE_FALSE(parent.isEmpty());
    const QJsonObject expected = parent.value(QStringLiteral("counts")).toObject();
    REQUIRE(expected.size() >= 8);
    const QJsonObject actual = summaryCounts(profile, parent.value(QStringLiteral("id")).toString());
    REQUIRE_FALSE(actual.isEmpty());
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        INFO(it.key().toStdString());
        CHECK(actual.value(it.key()).toInteger() == it.value().toInteger());
    }
    CHECK(expected.value(QStringLiteral("Observation")).toInteger() >= 1000);

    REQUIRE(sandbox.adminSend("DELETE", QStringLiteral("requests")) / 100 == 2);
    const CliResult second = runCli({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
    INFO(second.err.toStdString());
    REQUIRE(second.exitCode == 0);
    CHECK(second.out.contains(" 0 resources stored"));
    const QJsonObject requests = sandbox.adminGet(QStringLiteral("requests")).object();
    const QJsonObject byType = requests.value(QStringLiteral("byType")).toObject();
    // One search per type; attachments already stored are not fetched again.
    CHECK(requests.value(QStringLiteral("total")).toInt() == 10);
    for (const char *type : {"Patient", "AllergyIntolerance", "MedicationRequest", "Condition", "Immunization",
                             "DiagnosticReport", "Observation", "Encounter", "DocumentReference", "Task"}) {
        INFO(type);
        CHECK(byType.value(QLatin1String(type)).toInt() == 1);
    }
    CHECK(summaryCounts(profile, parent.value(QStringLiteral("id")).toString()) == actual);

    SECTION("offline: with the sandbox stopped, the summary still reads the record")
    {
        sandbox.stop();
        CHECK(summaryCounts(profile, parent.value(QStringLiteral("id")).toString()) == actual);
        const CliResult offlineSync = runCli({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
        CHECK(offlineSync.exitCode == 1);
        CHECK(offlineSync.err.contains("could not reach the server"));
        CHECK(summaryCounts(profile, parent.value(QStringLiteral("id")).toString()) == actual);
    }

    SECTION("no plaintext: no file holds the family name or an NHS number, databases are encrypted")
    {
        const QJsonArray patients = sandbox.adminGet(QStringLiteral("patients")).array();
        QList<QByteArray> secrets{parent.value(QStringLiteral("family")).toString().toUtf8()};
        for (const auto &p : patients)
            secrets << p.toObject().value(QStringLiteral("nhsNumber")).toString().toUtf8();
        REQUIRE(secrets.first().size() >= 4);
        const QStringList files = filesUnder(profile);
        REQUIRE(files.size() >= 3);
        int databases = 0;
        for (const QString &path : files) {
            QFile file(path);
            REQUIRE(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            for (const QByteArray &secret : secrets) {
                INFO(path.toStdString() << " must not contain a name or NHS number");
                CHECK_FALSE(bytes.contains(secret));
            }
            if (path.endsWith(QLatin1String(".db"))) {
                ++databases;
                CHECK_FALSE(bytes.startsWith(QByteArray("SQLite format 3\0", 16)));
            }
        }
        CHECK(databases >= 2);
    }

    SECTION("a wrong key cannot read a patient database")
    {
        hearth::registerSqlCipherDriver();
        const QStringList files = QDir(profile + QStringLiteral("/patients")).entryList({QStringLiteral("*.db")});
        REQUIRE(files.size() == 1);
        QByteArray wrongKey(32, '\0');
        for (char &c : wrongKey)
            c = char(QRandomGenerator::global()->bounded(256));
        auto opened = hearth::CacheDatabase::open(profile + QStringLiteral("/patients/") + files.first(), wrongKey, false);
        REQUIRE_FALSE(opened.ok());
        CHECK(opened.error().kind == hearth::Error::Kind::Storage);
    }
}

TEST_CASE("an incremental sync fetches only what changed on the server since the cursor")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    REQUIRE(syncAs(sandbox, QStringLiteral("parent"), profile).exitCode == 0);
    const QString parentId = sandboxPatient(sandbox, QStringLiteral("parent")).value(QStringLiteral("id")).toString();
    const QJsonObject before = summaryCounts(profile, parentId);

    REQUIRE(sandbox.adminSend("POST", QStringLiteral("touch?type=Observation&id=obs-p1-000001")) / 100 == 2);
    REQUIRE(sandbox.adminSend("POST", QStringLiteral("touch?type=Condition&id=") +
                              QStringLiteral("cond-p1-000001")) / 100 == 2);
    REQUIRE(sandbox.adminSend("DELETE", QStringLiteral("requests")) / 100 == 2);
    const CliResult second = runCli({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
    INFO(second.err.toStdString());
    REQUIRE(second.exitCode == 0);
    CHECK(second.out.contains(" 2 resources stored"));
    CHECK(sandbox.adminGet(QStringLiteral("requests")).object().value(QStringLiteral("total")).toInt() == 10);
    // Changed resources replace their old versions: nothing is duplicated.
    CHECK(summaryCounts(profile, parentId) == before);
}

TEST_CASE("a passing fault is retried and the sync completes")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    const QJsonObject parent = sandboxPatient(sandbox, QStringLiteral("parent"));
    const QString mode = GENERATE(QStringLiteral("malformed-json"), QStringLiteral("http-500"), QStringLiteral("http-503"));
    INFO(mode.toStdString());
    REQUIRE(sandbox.adminSend("POST", QStringLiteral("faults?type=Observation&page=2&times=1&mode=") + mode) / 100 == 2);
    const CliResult result = syncAs(sandbox, QStringLiteral("parent"), profile);
    INFO(result.err.toStdString());
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.contains("Progress: "));
    const QJsonObject expected = parent.value(QStringLiteral("counts")).toObject();
    const QJsonObject actual = summaryCounts(profile, parent.value(QStringLiteral("id")).toString());
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        CHECK(actual.value(it.key()).toInteger() == it.value().toInteger());
}

TEST_CASE("without a keystore the CLI fails clearly and writes nothing")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir.filePath(QStringLiteral("no-bus")));
    const CliResult result = runCli({QStringLiteral("sync"), QStringLiteral("--server"), sandbox.base().toString(),
                                     QStringLiteral("--login-hint"), QStringLiteral("parent"),
                                     QStringLiteral("--profile"), profile}, env);
    CHECK(result.exitCode == 1);
    CHECK(result.err.contains("keystore"));
    CHECK_FALSE(QFile::exists(profile));
}

TEST_CASE("a bad page fails the sync clearly and leaves the store as it was before that page")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    const QJsonObject parent = sandboxPatient(sandbox, QStringLiteral("parent"));
    const QString parentId = parent.value(QStringLiteral("id")).toString();
    const qint64 observations = parent.value(QStringLiteral("counts")).toObject().value(QStringLiteral("Observation")).toInteger();

    const QString mode = GENERATE(QStringLiteral("malformed-json"), QStringLiteral("http-500"));
    INFO(mode.toStdString());
    // Persistent: more failures than the retry policy allows.
    REQUIRE(sandbox.adminSend("POST", QStringLiteral("faults?type=Observation&page=2&times=10&mode=") + mode) / 100 == 2);

    const CliResult failed = syncAs(sandbox, QStringLiteral("parent"), profile);
    CHECK(failed.exitCode == 1);
    CHECK(failed.err.contains("Sync failed"));
    CHECK(failed.err.contains(mode == QLatin1String("http-500") ? "HTTP 500" : "not valid JSON"));
    // Page 1 (250 entries) landed in its own transaction; nothing of page 2 did.
    const QJsonObject partial = summaryCounts(profile, parentId);
    CHECK(partial.value(QStringLiteral("Observation")).toInteger() == 250);

    // The next sync resumes at the page that failed and fetches everything it missed.
    REQUIRE(sandbox.adminSend("DELETE", QStringLiteral("faults")) / 100 == 2);
    const CliResult recovered = runCli({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
    INFO(recovered.err.toStdString());
    REQUIRE(recovered.exitCode == 0);
    CHECK(summaryCounts(profile, parentId).value(QStringLiteral("Observation")).toInteger() == observations);
}
