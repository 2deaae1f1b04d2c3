// NEVER COMPILED HERE (no Android SDK on the build machine; see docs/platforms.md). Reviewed by hand
// against androidx.core 1.9+ NotificationCompat / NotificationManagerCompat.
package uk.nhs.hearth;

import android.Manifest;
import android.app.Notification;
import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;
import android.content.pm.PackageManager;
import android.os.Build;
import android.util.Log;

import androidx.core.app.NotificationCompat;
import androidx.core.app.NotificationManagerCompat;
import androidx.core.content.ContextCompat;

import java.util.concurrent.atomic.AtomicInteger;

// Posts Hearth's notices. Called from C++ (platform/android/AndroidNotifier.cpp) through JNI.
// The words come from the app and hold no health content; even so the notification is
// VISIBILITY_PRIVATE, and on a locked screen Android shows only its public version, which says
// "Hearth" and nothing else.
public final class HearthNotifications {
    private static final String TAG = "hearth.notify";
    private static final String CHANNEL_ID = "hearth-updates";
    private static final AtomicInteger NEXT_ID = new AtomicInteger(1);

    private HearthNotifications() {}

    public static void notify(Context context, String channelName, String title, String body) {
        // Android 13+: the patient must have allowed notifications (the app asks when they turn
        // notifications on in Settings). Without it the notice is dropped, logged without its words.
        if (Build.VERSION.SDK_INT >= 33
                && ContextCompat.checkSelfPermission(context, Manifest.permission.POST_NOTIFICATIONS)
                        != PackageManager.PERMISSION_GRANTED) {
            Log.i(TAG, "notification not shown: permission not granted");
            return;
        }
        ensureChannel(context, channelName);

        final int icon = context.getApplicationInfo().icon;
        final Notification lockScreen = new NotificationCompat.Builder(context, CHANNEL_ID)
                .setSmallIcon(icon)
                .setContentTitle("Hearth")
                .build();

        final NotificationCompat.Builder builder = new NotificationCompat.Builder(context, CHANNEL_ID)
                .setSmallIcon(icon)
                .setContentTitle(title)
                .setContentText(body)
                .setVisibility(NotificationCompat.VISIBILITY_PRIVATE)
                .setPublicVersion(lockScreen)
                .setPriority(NotificationCompat.PRIORITY_DEFAULT)
                .setAutoCancel(true);

        // Tapping the notice opens the app (which asks for its lock first, if the patient set one).
        final Intent launch = context.getPackageManager().getLaunchIntentForPackage(context.getPackageName());
        if (launch != null) {
            launch.setFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_SINGLE_TOP);
            builder.setContentIntent(PendingIntent.getActivity(context, 0, launch,
                    PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT));
        }
        NotificationManagerCompat.from(context).notify(NEXT_ID.getAndIncrement(), builder.build());
    }

    private static void ensureChannel(Context context, String channelName) {
        if (Build.VERSION.SDK_INT < 26)
            return;
        final NotificationManager manager = context.getSystemService(NotificationManager.class);
        if (manager == null || manager.getNotificationChannel(CHANNEL_ID) != null)
            return;
        final NotificationChannel channel =
                new NotificationChannel(CHANNEL_ID, channelName, NotificationManager.IMPORTANCE_DEFAULT);
        channel.setLockscreenVisibility(Notification.VISIBILITY_PRIVATE);
        manager.createNotificationChannel(channel);
    }
}
