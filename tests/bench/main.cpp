// hearth-bench: measures each figure of issue 9 next to its physical floor, in the same run, so the
// ratio holds on a noisy machine. One JSON object per line, then a human-readable table.
#include "Process.h"
#include "RawFloor.h"
#include "ResultsBench.h"
#include "SearchBench.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>

using namespace hearth::bench;

namespace {

// The app's --screenshot path waits 0.8 s after the record is shown, then 1.2 s more before it
// grabs the window (app/main.cpp); cold_start subtracts both.
constexpr double kScreenshotDelays = 0.8 + 1.2;

struct Figure {
    QString name;
    std::optional<double> value;
    std::optional<double> floor;
    QString unit;
    QString goal;
    QString note;
};

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Fields in the order the issue lists them (QJsonObject would sort the keys).
QByteArray jsonString(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

QByteArray jsonNumber(std::optional<double> v)
{
    return v ? QByteArray::number(*v, 'g', 10) : QByteArrayLiteral("null");
}

void printJson(const Figure &f)
{
    const std::optional<double> ratio = f.value && f.floor && *f.floor > 0 ? std::optional(*f.value / *f.floor) : std::nullopt;
    QByteArray line = "{\"name\":" + jsonString(f.name) + ",\"value\":" + jsonNumber(f.value) + ",\"floor\":"
        + jsonNumber(f.floor) + ",\"ratio\":" + jsonNumber(ratio) + ",\"unit\":" + jsonString(f.unit);
    if (!f.note.isEmpty())
        line += ",\"note\":" + jsonString(f.note);
    std::printf("%s}\n", line.constData());
    std::fflush(stdout);
}

QString human(std::optional<double> v, const QString &unit)
{
    if (!v)
        return QStringLiteral("-");
    if (unit == QLatin1String("bytes"))
        return QStringLiteral("%1 MB").arg(*v / 1e6, 0, 'f', 1);
    if (unit == QLatin1String("seconds"))
        return *v < 1 ? QStringLiteral("%1 ms").arg(*v * 1e3, 0, 'f', 1) : QStringLiteral("%1 s").arg(*v, 0, 'f', 2);
    return QString::number(*v);
}

void printTable(const QList<Figure> &figures)
{
    std::printf("\n%-26s %12s %12s %7s  %s\n", "figure", "value", "floor", "ratio", "goal");
    for (const Figure &f : figures) {
        const QString ratio = f.value && f.floor && *f.floor > 0 ? QString::number(*f.value / *f.floor, 'f', 2)
                                                                 : QStringLiteral("-");
        std::printf("%-26s %12s %12s %7s  %s\n", qPrintable(f.name), qPrintable(human(f.value, f.unit)),
                    qPrintable(human(f.floor, f.unit)), qPrintable(ratio), qPrintable(f.goal));
    }
    std::fflush(stdout);
}

// One hearth-sandbox process for the whole bench (or one per scale), stopped on destruction.
class Sandbox {
public:
    bool start(const QString &binDir, int scale)
    {
        m_process.setProgram(binDir + QStringLiteral("/hearth-sandbox"));
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--scale"), QString::number(scale)});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted())
            return false;
        while (!m_process.canReadLine() && m_process.waitForReadyRead(120000)) {
        }
        m_base = QUrl(QString::fromUtf8(m_process.readLine().trimmed()));
        return m_base.isValid() && !m_base.isEmpty();
    }
    ~Sandbox()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000))
                m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    QUrl base() const { return m_base; }
    QUrl control(const QString &path) const
    {
        QUrl u = m_base;
        u.setPath(path);
        return u;
    }

private:
    QProcess m_process;
    QUrl m_base;
};

QJsonDocument httpJson(QNetworkAccessManager &nam, const QByteArray &verb, const QUrl &url)
{
    QNetworkReply *reply = nam.sendCustomRequest(QNetworkRequest(url), verb);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll());
}

int parentResourceCount(QNetworkAccessManager &nam, const Sandbox &sandbox, const QString &patientId)
{
    int total = 0;
    for (const QJsonValue &p : httpJson(nam, "GET", sandbox.control(QStringLiteral("/_sandbox/patients"))).array()) {
        if (p[QStringLiteral("id")].toString() != patientId)
            continue;
        const QJsonObject counts = p[QStringLiteral("counts")].toObject();
        for (auto it = counts.begin(); it != counts.end(); ++it)
            total += it.value().toInt();
    }
    return total;
}

class Bench {
public:
    Bench(QString binDir, int runs, bool warmUp) : m_bin(std::move(binDir)), m_runs(runs), m_warmUp(warmUp) {}

    bool failed() const { return m_failed; }
    const QList<Figure> &figures() const { return m_figures; }

    void add(Figure f)
    {
        printJson(f);
        m_figures.append(std::move(f));
    }

    void fail(const QString &name, const QString &unit, const QString &why, const QByteArray &tail = {})
    {
        m_failed = true;
        if (!tail.isEmpty())
            std::fprintf(stderr, "hearth-bench: %s failed:\n%s\n", qPrintable(name), tail.constData());
        add({name, {}, {}, unit, {}, QStringLiteral("failed: ") + why});
    }

    RunResult cliSync(const QStringList &args) { return runMeasured(m_bin + QStringLiteral("/hearth-cli"), args); }

    // first_sync and its raw floor, alternating run by run; keeps the last profile for later figures.
    // Returns the median peak RSS of the sync runs (0 on failure).
    qint64 firstSync(Sandbox &sandbox, const QString &figureName, bool withFloor, QTemporaryDir *keepProfile)
    {
        QList<double> values, floors, rss;
        FloorRun lastFloor;
        const int total = m_runs + (m_warmUp ? 1 : 0);
        for (int i = 0; i < total; ++i) {
            auto profile = std::make_unique<QTemporaryDir>();
            const RunResult r = cliSync({QStringLiteral("sync"), QStringLiteral("--server"), sandbox.base().toString(),
                                         QStringLiteral("--login-hint"), QStringLiteral("parent"),
                                         QStringLiteral("--profile"), profile->path()});
            if (!r.ok) {
                fail(figureName, withFloor ? QStringLiteral("seconds") : QStringLiteral("bytes"),
                     QStringLiteral("hearth-cli sync exited with %1").arg(r.exitCode), r.tail);
                return 0;
            }
            if (withFloor) {
                const Token token = signInByHand(m_nam, sandbox.base(), QStringLiteral("parent"));
                QTemporaryDir floorDir;
                lastFloor = token.error.isEmpty() ? runRawFloor(m_nam, sandbox.base(), token, floorDir.filePath(QStringLiteral("floor.db")))
                                                  : FloorRun{0, 0, 0, token.error};
                if (!lastFloor.error.isEmpty()) {
                    fail(figureName, QStringLiteral("seconds"), lastFloor.error);
                    return 0;
                }
                if (m_patientId.isEmpty())
                    m_patientId = token.patientId;
            }
            if (m_warmUp && i == 0)
                continue;
            values << r.seconds;
            rss << double(r.peakRssBytes);
            if (withFloor)
                floors << lastFloor.seconds;
            if (keepProfile && i == total - 1)
                QDir().rename(profile->path(), keepProfile->filePath(QStringLiteral("profile")));
        }
        if (withFloor) {
            const int resources = parentResourceCount(m_nam, sandbox, m_patientId);
            add({figureName, median(values), median(floors), QStringLiteral("seconds"), QStringLiteral("ratio <= 1.3"),
                 QStringLiteral("%1 resources, %2 pages, %3 MB; value includes process start, sign-in and keystore; median of %4")
                     .arg(resources).arg(lastFloor.pages).arg(double(lastFloor.bytes) / 1e6, 0, 'f', 1).arg(values.size())});
        }
        return qint64(median(rss));
    }

    void resync(Sandbox &sandbox, const QString &profile)
    {
        QList<double> seconds;
        int requests = 0;
        QJsonObject byType;
        const int total = m_runs + (m_warmUp ? 1 : 0);
        for (int i = 0; i < total; ++i) {
            httpJson(m_nam, "DELETE", sandbox.control(QStringLiteral("/_sandbox/requests")));
            const RunResult r = cliSync({QStringLiteral("sync"), QStringLiteral("--profile"), profile});
            if (!r.ok) {
                fail(QStringLiteral("resync_nochange"), QStringLiteral("seconds"), QStringLiteral("hearth-cli sync exited with %1").arg(r.exitCode), r.tail);
                return;
            }
            const QJsonObject counts = httpJson(m_nam, "GET", sandbox.control(QStringLiteral("/_sandbox/requests"))).object();
            requests = std::max(requests, counts[QStringLiteral("total")].toInt());
            byType = counts[QStringLiteral("byType")].toObject();
            if (!(m_warmUp && i == 0))
                seconds << r.seconds;
        }
        add({QStringLiteral("resync_nochange"), median(seconds), {}, QStringLiteral("seconds"), QStringLiteral("< 0.1 s"),
             QStringLiteral("whole hearth-cli process, incl. start and keystore; median of %1").arg(seconds.size())});
        // The floor is one search per synced type, however many types sync covers.
        const auto types = double(hearth::SyncEngine::resourceTypes().size());
        add({QStringLiteral("resync_nochange_requests"), double(requests), types, QStringLiteral("requests"),
             QStringLiteral("<= 1 per type (%1)").arg(types),
             QStringLiteral("by type: ") + QString::fromUtf8(QJsonDocument(byType).toJson(QJsonDocument::Compact))});
    }

    void coldStart(const QString &profile)
    {
        const QStringList offscreen{QStringLiteral("QT_QPA_PLATFORM=offscreen")};
        QTemporaryDir shots;
        QList<double> values, floors, rssValue, rssFloor;
        const int total = m_runs + (m_warmUp ? 1 : 0);
        for (int i = 0; i < total; ++i) {
            const RunResult app = runMeasured(m_bin + QStringLiteral("/hearth"),
                                              {QStringLiteral("--profile"), profile, QStringLiteral("--screenshot"),
                                               shots.filePath(QStringLiteral("home.png")), QStringLiteral("--screenshot-page"),
                                               QStringLiteral("home")},
                                              offscreen, "Saved a screenshot", 240);
            if (!app.ok || app.markerSeconds < 0 || !app.tail.contains("record: yes")) {
                fail(QStringLiteral("cold_start"), QStringLiteral("seconds"), QStringLiteral("hearth exited with %1").arg(app.exitCode), app.tail);
                fail(QStringLiteral("rss_home"), QStringLiteral("bytes"), QStringLiteral("hearth did not run"));
                return;
            }
            const RunResult empty = runMeasured(m_bin + QStringLiteral("/hearth-bench-window"), {}, offscreen, "first frame", 60);
            if (!empty.ok || empty.markerSeconds < 0) {
                fail(QStringLiteral("cold_start"), QStringLiteral("seconds"), QStringLiteral("empty window failed"), empty.tail);
                fail(QStringLiteral("rss_home"), QStringLiteral("bytes"), QStringLiteral("empty window failed"));
                return;
            }
            if (m_warmUp && i == 0)
                continue;
            values << app.markerSeconds - kScreenshotDelays;
            floors << empty.markerSeconds;
            rssValue << double(app.peakRssBytes);
            rssFloor << double(empty.peakRssBytes);
        }
        add({QStringLiteral("cold_start"), median(values), median(floors), QStringLiteral("seconds"), QStringLiteral("ratio <= 1.3"),
             QStringLiteral("launch to 'Saved a screenshot' minus the app's fixed 2.0 s screenshot delays (so it includes "
                            "the grab and PNG write, and the start-up refresh against the sandbox); floor: empty QQuickWindow "
                            "to first frameSwapped; offscreen; median of %1").arg(values.size())});
        const double floorRss = median(rssFloor);
        add({QStringLiteral("rss_home"), median(rssValue), floorRss, QStringLiteral("bytes"),
             QStringLiteral("<= floor + 60 MB (%1 MB)").arg((floorRss + 60e6) / 1e6, 0, 'f', 0),
             QStringLiteral("peak RSS (wait4 ru_maxrss = VmHWM) of the cold_start runs")});
    }

private:
    QString m_bin;
    int m_runs;
    bool m_warmUp;
    bool m_failed = false;
    QString m_patientId;
    QList<Figure> m_figures;
    QNetworkAccessManager m_nam;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth benchmarks against physical floors (issue 9)."));
    parser.addHelpOption();
    const QCommandLineOption quick(QStringLiteral("quick"), QStringLiteral("CI size: scale 2 (vs 1), one run, no warm-up."));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("Sandbox scale for the big record (default 35)."), QStringLiteral("N"));
    const QCommandLineOption small(QStringLiteral("small-scale"), QStringLiteral("Scale of the small record for rss_growth (default 3)."), QStringLiteral("N"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Timed runs per figure after a warm-up (default 5)."), QStringLiteral("N"));
    const QCommandLineOption binDir(QStringLiteral("bin-dir"), QStringLiteral("Where hearth, hearth-cli and hearth-sandbox are."), QStringLiteral("DIR"));
    parser.addOptions({quick, scale, small, runs, binDir});
    parser.process(app);

    const bool isQuick = parser.isSet(quick);
    const int bigScale = parser.isSet(scale) ? parser.value(scale).toInt() : (isQuick ? 2 : 35);
    const int smallScale = parser.isSet(small) ? parser.value(small).toInt() : (isQuick ? 1 : 3);
    const int runCount = parser.isSet(runs) ? parser.value(runs).toInt() : (isQuick ? 1 : 5);
    const QString bin = parser.isSet(binDir) ? parser.value(binDir) : QCoreApplication::applicationDirPath();
    if (bigScale < 1 || smallScale < 1 || runCount < 1) {
        std::fprintf(stderr, "hearth-bench: --scale, --small-scale and --runs must be >= 1\n");
        return 2;
    }

    Bench bench(bin, runCount, !isQuick);
    QTemporaryDir kept;   // the last first-sync profile: the cached record for resync and cold start
    qint64 bigRss = 0;
    {
        Sandbox sandbox;
        if (!sandbox.start(bin, bigScale)) {
            std::fprintf(stderr, "hearth-bench: cannot start hearth-sandbox from %s\n", qPrintable(bin));
            return 1;
        }
        bigRss = bench.firstSync(sandbox, QStringLiteral("first_sync"), true, &kept);
        const QString profile = kept.filePath(QStringLiteral("profile"));
        if (bigRss > 0) {
            bench.resync(sandbox, profile);
            bench.coldStart(profile);
            const SearchFigure search = measureSearch(profile, runCount, !isQuick);
            if (search.error.isEmpty())
                bench.add({QStringLiteral("search"), search.seconds, {}, QStringLiteral("seconds"), QStringLiteral("< 50 ms"),
                           QStringLiteral("RecordSearch::query (20 hits per section, titles and snippets) over %1 resources; "
                                          "slowest median of: %2").arg(search.resources).arg(search.perQuery.join(QStringLiteral("; ")))});
            else
                bench.fail(QStringLiteral("search"), QStringLiteral("seconds"), search.error);
        } else {
            bench.fail(QStringLiteral("resync_nochange"), QStringLiteral("seconds"), QStringLiteral("no first sync"));
            bench.fail(QStringLiteral("cold_start"), QStringLiteral("seconds"), QStringLiteral("no first sync"));
            bench.fail(QStringLiteral("search"), QStringLiteral("seconds"), QStringLiteral("no first sync"));
            bench.fail(QStringLiteral("rss_home"), QStringLiteral("bytes"), QStringLiteral("no first sync"));
        }
    }
    {
        Sandbox sandbox;
        const bool started = sandbox.start(bin, smallScale);
        const qint64 smallRss = started ? bench.firstSync(sandbox, QStringLiteral("rss_growth"), false, nullptr) : 0;
        if (bigRss > 0 && smallRss > 0)
            bench.add({QStringLiteral("rss_growth"), double(bigRss), double(smallRss), QStringLiteral("bytes"),
                       QStringLiteral("ratio <= 1.2"),
                       QStringLiteral("peak RSS of hearth-cli first sync at scale %1 (value) vs scale %2 (floor)").arg(bigScale).arg(smallScale)});
        else if (!started)
            bench.fail(QStringLiteral("rss_growth"), QStringLiteral("bytes"), QStringLiteral("cannot start the small sandbox"));
        else if (smallRss > 0)
            bench.fail(QStringLiteral("rss_growth"), QStringLiteral("bytes"), QStringLiteral("no big-scale sync"));
        // else firstSync already reported the failure under rss_growth
    }
    // In-process model figures (no sandbox): the results list's first page and a 500-point trend.
    {
        const int observations = isQuick ? 2000 : 10000;
        const std::pair<const char *, ResultsFigure> figures[] = {
            {"results_first_page", measureResultsFirstPage(observations, runCount, !isQuick)},
            {"trend_500", measureTrend500(observations, runCount, !isQuick)}};
        for (const auto &[name, figure] : figures) {
            const QString goal = qstrcmp(name, "trend_500") == 0 ? QStringLiteral("< 30 ms") : QStringLiteral("< 16 ms");
            if (figure.seconds)
                bench.add({QString::fromLatin1(name), figure.seconds, {}, QStringLiteral("seconds"), goal, figure.note});
            else
                bench.fail(QString::fromLatin1(name), QStringLiteral("seconds"), figure.note);
        }
    }

    printTable(bench.figures());
    return bench.failed() ? 1 : 0;
}
