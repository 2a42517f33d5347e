package org.stockroom.desktop.connection;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UserSessionTest {

    private static UserSession as(String role) {
        return new UserSession("http://127.0.0.1:8080", "someone", role, Instant.now());
    }

    @Test
    void aViewerMayNeitherMoveStockNorEditTheCatalogue() {
        assertThat(as("viewer").mayMoveStock()).isFalse();
        assertThat(as("viewer").mayEditCatalogue()).isFalse();
    }

    @Test
    void aClerkMayMoveStockButNotEditTheCatalogue() {
        assertThat(as("clerk").mayMoveStock()).isTrue();
        assertThat(as("clerk").mayEditCatalogue()).isFalse();
    }

    @Test
    void managersAndAdminsMayDoBoth() {
        assertThat(as("manager").mayMoveStock()).isTrue();
        assertThat(as("manager").mayEditCatalogue()).isTrue();
        assertThat(as("ADMIN").mayEditCatalogue()).isTrue();
    }

    @Test
    void onlyManagersAndAdminsPostStocktakes() {
        assertThat(as("clerk").mayPostStocktakes()).isFalse();
        assertThat(as("manager").mayPostStocktakes()).isTrue();
        assertThat(as("admin").mayPostStocktakes()).isTrue();
    }

    @Test
    void anUnknownRoleMayDoNothing() {
        assertThat(as("auditor").mayMoveStock()).isFalse();
        assertThat(as("auditor").mayActAs("viewer")).isFalse();
    }
}
