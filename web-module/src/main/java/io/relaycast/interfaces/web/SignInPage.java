package io.relaycast.interfaces.web;

import io.relaycast.domain.model.shared.SameOriginPath;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** The sign-in page: where to go afterwards, only ever a path on this server (no open redirect). */
@Named
@RequestScoped
public class SignInPage {

    /** The requested {@code ?next=} if it is a safe same-origin path, else empty (the script picks a default). */
    public String getNext() {
        String next = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
        return next != null && !next.equals("/") && SameOriginPath.isSafe(next) ? next : "";
    }
}
