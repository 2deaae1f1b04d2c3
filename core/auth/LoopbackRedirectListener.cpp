#include "auth/LoopbackRedirectListener.h"

#include "auth/HttpSupport.h"
#include "auth/RedirectRequest.h"
#include "common/Log.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace hearth {

namespace {
constexpr qsizetype kMaxRequestBytes = 16 * 1024;
const char kBufferProperty[] = "hearthRequestBuffer";

QByteArray page(const char *title, const char *text)
{
    return QByteArrayLiteral("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                             "<meta name=\"viewport\" content=\"width=device-width\"><title>")
            + title
            + QByteArrayLiteral("</title></head><body style=\"font-family:Arial,sans-serif;background:#F0F4F5;"
                                "color:#212B32;margin:3em auto;max-width:32em;padding:0 1em\"><h1 style=\"color:#005EB8\">")
            + title + QByteArrayLiteral("</h1><p>") + text + QByteArrayLiteral("</p></body></html>");
}

void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &body)
{
    socket->write(QByteArrayLiteral("HTTP/1.1 ") + status
                  + QByteArrayLiteral("\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\n"
                                      "Referrer-Policy: no-referrer\r\nConnection: close\r\nContent-Length: ")
                  + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body);
    socket->disconnectFromHost();   // flushes, then closes
}
} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent)
    : QObject(parent), m_server(new QTcpServer(this)), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        finish(Error::make(Error::Kind::Timeout, QStringLiteral("no sign-in redirect arrived in time")));
    });
    connect(m_server, &QTcpServer::newConnection, this, &LoopbackRedirectListener::onNewConnection);
}

LoopbackRedirectListener::~LoopbackRedirectListener() = default;

Status LoopbackRedirectListener::listen()
{
    if (m_server->isListening())
        return {};
    if (m_finished)
        return Error::make(Error::Kind::Config, QStringLiteral("loopback listener is single-shot"));
    // IPv4 loopback literal: RFC 8252 §7.3 prefers it to "localhost" (no resolver, no other interface).
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return Error::make(Error::Kind::Network, QStringLiteral("cannot listen on loopback"));
    return {};
}

bool LoopbackRedirectListener::isListening() const
{
    return m_server->isListening();
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    if (!m_server->isListening())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/callback"));
    return url;
}

void LoopbackRedirectListener::waitForRedirect(int timeoutMs, std::function<void(Result<QUrl>)> done)
{
    if (m_finished && m_early) {
        // The browser came back before anyone waited: deliver what arrived.
        Result<QUrl> early = *m_early;
        m_early.reset();
        authhttp::later(this, [done, early] { done(early); });
        return;
    }
    if (m_done || m_finished || !m_server->isListening()) {
        authhttp::later(this, [done] {
            done(Error::make(Error::Kind::Config, QStringLiteral("listener is not ready to wait")));
        });
        return;
    }
    m_done = std::move(done);
    m_timer->start(timeoutMs);
}

void LoopbackRedirectListener::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    // Browsers may open idle speculative connections, so each socket keeps its own buffer.
    const QByteArray buffer = socket->property(kBufferProperty).toByteArray() + socket->readAll();
    const RedirectRequest request = parseRedirectRequest(buffer, kMaxRequestBytes);
    switch (request.kind) {
    case RedirectRequest::Kind::Incomplete:
        socket->setProperty(kBufferProperty, buffer);
        return;
    case RedirectRequest::Kind::TooLarge:
        respond(socket, QByteArrayLiteral("431 Request Header Fields Too Large"), QByteArray());
        return;
    case RedirectRequest::Kind::BadRequest:
        respond(socket, QByteArrayLiteral("400 Bad Request"), QByteArray());
        return;
    case RedirectRequest::Kind::NotFound:
        respond(socket, QByteArrayLiteral("404 Not Found"), page("Not found", "There is nothing here."));
        return;
    case RedirectRequest::Kind::Callback:
        break;
    }
    if (m_finished) {
        respond(socket, QByteArrayLiteral("404 Not Found"), page("Not found", "There is nothing here."));
        return;
    }

    QUrl url = redirectUri();
    url.setQuery(QString::fromLatin1(request.query), QUrl::TolerantMode);
    if (QUrlQuery(url).hasQueryItem(QStringLiteral("error"))) {
        respond(socket, QByteArrayLiteral("200 OK"),
                page("Sign-in did not finish", "You did not sign in to Hearth. Go back to the app to try again."));
    } else {
        respond(socket, QByteArrayLiteral("200 OK"),
                page("You're signed in to Hearth", "You can close this window and go back to the app."));
    }
    finish(url);
}

void LoopbackRedirectListener::finish(Result<QUrl> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer->stop();
    m_server->close();   // single shot: nobody else gets to deliver a redirect
    if (!result)
        qCInfo(lcAuth) << "loopback redirect failed:" << result.error().kindName();
    auto done = std::move(m_done);
    m_done = nullptr;
    if (!done) {
        m_early = result;
    } else {
        // Hand over on the next turn, so the response above is flushed first and the completion never
        // runs inside a socket signal that it might tear down.
        authhttp::later(this, [done, result] { done(result); });
    }
}

} // namespace hearth
