package org.opencdp.profile;

import org.opencdp.testsupport.ServiceArchitectureTest;

class ProfileArchitectureTest extends ServiceArchitectureTest {}
