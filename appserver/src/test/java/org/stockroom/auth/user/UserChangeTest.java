package org.stockroom.auth.user;

import org.junit.jupiter.api.Test;
import org.stockroom.security.Role;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that keep an admin in place, without a server: the last-admin case can't be set up on the shared test server. */
class UserChangeTest {

    private static final UserAccount ADA = user("ada", Role.ADMIN, false);

    @Test
    void givenTheLastEnabledAdmin_whenAnotherAdminWouldDemoteOrDisableIt_thenRefused() {
        assertThat(new UserChange(Role.MANAGER, null).refusal("bob", ADA, 1)).hasValueSatisfying(
                reason -> assertThat(reason).contains("'ada' is the last enabled admin"));
        assertThat(new UserChange(null, true).refusal("bob", ADA, 1)).isPresent();
    }

    @Test
    void givenAnotherEnabledAdmin_whenAnAdminIsDemotedOrDisabled_thenAllowed() {
        assertThat(new UserChange(Role.VIEWER, null).refusal("bob", ADA, 2)).isEmpty();
        assertThat(new UserChange(null, true).refusal("bob", ADA, 2)).isEmpty();
    }

    @Test
    void givenTheActingAdmin_whenItWouldDemoteOrDisableItself_thenRefusedEvenWithOtherAdmins() {
        assertThat(new UserChange(Role.CLERK, null).refusal("ADA", ADA, 5)).hasValueSatisfying(
                reason -> assertThat(reason).contains("may not disable or demote themselves"));
        assertThat(new UserChange(null, true).refusal("ada", ADA, 5)).isPresent();
    }

    @Test
    void givenAChangeThatKeepsTheAdmin_thenAllowedForTheLastAdminAndForItself() {
        assertThat(new UserChange(Role.ADMIN, false).refusal("ada", ADA, 1)).isEmpty();
    }

    @Test
    void givenAUserWhoIsNoEnabledAdmin_thenAnyChangeIsAllowed() {
        UserAccount clerk = user("carl", Role.CLERK, false);
        UserAccount disabledAdmin = user("dora", Role.ADMIN, true);

        assertThat(new UserChange(Role.VIEWER, true).refusal("bob", clerk, 1)).isEmpty();
        assertThat(new UserChange(Role.VIEWER, true).refusal("dora", disabledAdmin, 1)).isEmpty();
        assertThat(new UserChange(null, null).isEmpty()).isTrue();
    }

    private static UserAccount user(String name, Role role, boolean disabled) {
        return new UserAccount(1, name, "pbkdf2-sha256$1000$c2FsdA==$aGFzaA==", role, disabled, Instant.EPOCH, Instant.EPOCH);
    }
}
