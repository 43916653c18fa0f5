package io.relaycast.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Shareable page URLs: /watch/{id}, /vod/{id}, /profile/{user} (each page reads the id from its URL). */
@WebFilter(urlPatterns = {"/watch/*", "/vod/*", "/profile/*", "/console", "/signin"})
public class PagePathFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        String page = path.startsWith("/watch/") ? "/watch.html"
                : path.startsWith("/vod/") ? "/vod.html"
                : path.startsWith("/profile/") ? "/profile.html"
                : path + ".html";
        req.getRequestDispatcher(page).forward(req, res);
    }
}
