/**
 * The Swing desktop client (CONTRACTS section 11): FlatLaf look, one package per screen ({@code mines},
 * {@code form}, {@code findings}, {@code sign}). Views only display and call {@code client.app} services; long
 * work runs on workers, the UI is touched only on the event thread. Every input field's name is its JSON path.
 * Texts come from {@code Desktop.properties} (Chinese, the default) and {@code Desktop_en.properties}.
 */
package org.minedecl.client.desktop;
