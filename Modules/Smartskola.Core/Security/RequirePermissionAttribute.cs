using Microsoft.AspNetCore.Authorization;

namespace Smartskola.Core.Security;

/// <summary>Authorizes a page or endpoint by permission: <c>[RequirePermission(UsersPermissions.ManageUnits)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute(string permission)
    : AuthorizeAttribute(PermissionPolicyProvider.PolicyPrefix + permission);
